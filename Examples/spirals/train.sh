#!/bin/sh
# Trains the bundled examples spirals-wide (2→24→1, 97 parameters) and spirals-deep (2→6→6→6→1, 109 parameters)
# with nnviz itself: the same data, optimizer, learning rate, 300 epochs and seeds, so the one difference is the
# shape. Run from the repository root: `sh Examples/spirals/train.sh` (NNVIZ=path/to/nnviz to choose the binary).
# The trained specs are embedded in Sources/NNVizEngine/BundledExample+Trained.swift (ExampleTests checks they
# agree), and Tests/NNVizEngineTests/Fixtures/add_trained_examples.py adds their NumPy forward passes to examples.json.
set -eu
NNVIZ=${NNVIZ:-.build/release/nnviz}
cd "$(dirname "$0")"
case $NNVIZ in /*) ;; *) NNVIZ=$OLDPWD/$NNVIZ ;; esac
for shape in wide deep; do
    "$NNVIZ" train spirals-$shape.start.yaml --data spirals --epochs 300 --optimizer adam --lr 0.02 --seed 0 --quiet \
        -o spirals-$shape.yaml
done
