// Scene and pixel tests for the figures arrive with the renderer.
