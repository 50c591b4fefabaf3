// The Cairo backend: the only code that touches C pointers. Paints scenes to PNG, SVG and PDF.
