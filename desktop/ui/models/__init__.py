"""Qt item models over the knowledge base and the dosing results."""
