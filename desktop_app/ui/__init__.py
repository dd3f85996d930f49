"""The Qt front end. Widgets call core and storage; nothing there imports this package."""
