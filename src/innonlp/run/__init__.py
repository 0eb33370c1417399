"""Run orchestration: the pipeline, the stage runner and stages, the stage cache, the manifest
and run info, and the executors that know the language layer (worker pool, Dask)."""
