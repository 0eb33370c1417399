"""Where the language analysis runs: here (``local``, optionally in several processes) or
on a Dask cluster (``dask``)."""
