"""What a court's author runs: `validate` (`validation`: schema, flow and fidelity
problems with their places), how much of the guide a profile shows (`coverage`), the
JSON Schemas of the file formats (`schemas`) and `new-court`'s starter (`scaffold`)."""
