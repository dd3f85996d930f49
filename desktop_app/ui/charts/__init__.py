"""The Charts tab: comparing and aggregating categories, Oryx. Imports pyqtgraph lazily."""
