"""Finding and reading courts: the folders court profiles come from, `extends`, reading
and checking a profile (`loading`), and the cache of checked profiles with their flow
graphs (`profile_cache`)."""
