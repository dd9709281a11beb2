"""The app's QML views, shipped inside the package as ``treadmill_ctl.ui`` (data only: nothing
here is imported as Python; ``treadmill_ctl.shipped`` finds the folder)."""
