"""spaCy pipeline components, one concern each; importing a module registers its factory."""
