"""What every feature shares: the operations runner, the window context, small helpers."""
