"""The court model: a court profile's pydantic models (`profile`), where a value sits in
its TOML (`toml_places`, `model_paths`), each field's docstring (`field_docs`), what counts
as the guide's own words (`fidelity`), the one error type bad input raises (`errors`) and
writing a file whole (`files`). No Textual, no engine: everything else stands on this."""
