"""Renderers: one small module per output, all fed by the same result model."""
