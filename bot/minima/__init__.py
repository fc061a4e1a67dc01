"""The minimaregelingen check: which schemes a household probably gets (plain Python)."""
