// End-to-end tests of the built nnviz binary arrive with the CLI commands.
