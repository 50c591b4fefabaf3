// One import for programs that use nnviz as a library: the engine (networks, forward passes, datasets), the scene
// and the figures built from it, Cairo output (PNG, SVG, PDF) and reports.
@_exported import NNVizCairo
@_exported import NNVizEngine
@_exported import NNVizRender
@_exported import NNVizReport
@_exported import NNVizScene
