from threadpoolctl import threadpool_info

from innonlp.themes.threads import one_blas_thread


def _blas_threads() -> set[int]:
    return {p["num_threads"] for p in threadpool_info() if p["user_api"] == "blas"}


def test_one_blas_thread_inside_and_restored_after() -> None:
    import numpy as np

    np.ones((4, 4)) @ np.ones((4, 4))  # BLAS loaded
    before = _blas_threads()
    with one_blas_thread():
        assert _blas_threads() <= {1}
    assert _blas_threads() == before
