// Reports: Mustache templates, tables and figures assembled into HTML and Markdown pages.
