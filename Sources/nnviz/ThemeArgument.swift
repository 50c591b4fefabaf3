import ArgumentParser
import NNVizRender

/// `--theme light|dark`: parsed, listed in the help and refused by ArgumentParser from the theme names themselves.
extension Theme.Name: ExpressibleByArgument {}
