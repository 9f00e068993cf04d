"""Imported once by the process that workers are forked from (multiprocessing's
forkserver), before it forks any: each worker then starts with the model and orgline's
rules in memory, shared with that process until written, where each used to import spaCy
and load the model itself on its first task (about 2 s of CPU a worker)."""
import gc

from .pipeline import load, model_name

try:
    load(model_name())  # the key a worker's own ``load(model_name(model))`` looks up
except Exception:  # noqa: BLE001: a worker's own load reports what is wrong, to the user
    pass
else:
    gc.freeze()  # the collector leaves the model's objects alone: their pages stay shared
