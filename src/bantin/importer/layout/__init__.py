"""Layout recognition on text lines: every source (text, Word, PDF, scan) ends up as lines, and these
passes put back what the page layout scattered: columns, page furniture, footnotes."""
