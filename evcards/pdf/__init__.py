"""Cards on paper: page layout, pagination, paper size, export to PDF and printing."""
