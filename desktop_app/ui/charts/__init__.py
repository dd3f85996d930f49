"""pyqtgraph charts. The only package that imports pyqtgraph; import its modules lazily.

pyqtgraph and numpy cost most of the program's start-up time, so views import a chart module
inside the method that first builds the chart, never at module top.
"""
