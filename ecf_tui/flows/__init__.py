"""A court's flow as a graph, built by walking the engine: every state and move
(`graph`), the checks a profile's flow must pass on its own (`flow_checks`: every state
reaches an end, every button goes somewhere), the paths QA and the job aid take, each
state's exact code for the help desk (`codebook`), and the graph drawn as DOT or
Mermaid (`graph_export`)."""
