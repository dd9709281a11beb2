"""The Qt layer: QObject bridges between the core and the QML views in ui/. Only here is Qt used."""
