"""RDF: namespaces of the vocabulary contract, IRIs, the graph builder and the Turtle writer."""
