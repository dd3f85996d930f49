"""The application shell: QApplication set-up, the main window, languages, error reporting."""
