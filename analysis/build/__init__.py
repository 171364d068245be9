"""Config in, output files out: the steps of a build, the runner, the cache and the one writer."""
