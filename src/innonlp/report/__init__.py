"""Reports: the draft, Markdown, Word, HTML, Excel, analyst edits and the run loader."""
