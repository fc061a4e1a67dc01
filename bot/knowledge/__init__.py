"""The sourced knowledge base: where each answer comes from."""
