"""The dangjian-kg ontology (OWL in Turtle) and its SHACL shapes, shipped as package data."""
