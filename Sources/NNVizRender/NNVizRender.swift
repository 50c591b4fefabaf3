// Figures (layer diagram, heatmap, decision regions) built as scenes from a network and its trace.
