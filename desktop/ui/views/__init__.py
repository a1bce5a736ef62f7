"""The four views of the main window: therapy, compute, plan, overview."""
