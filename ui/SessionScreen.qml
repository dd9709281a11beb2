import QtQuick
import QtQuick.Controls
import TreadmillCtl

Item {
    id: screen

    required property AppBridge app

    Label {
        anchors.centerIn: parent
        text: screen.app.session.phaseLabel
        font.pixelSize: Theme.fontHuge
        color: Theme.text
    }
}
