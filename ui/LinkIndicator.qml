import QtQuick
import TreadmillCtl

// The link's state, always visible: a dot (green connected, amber connecting, red lost) + words.
// Plain Qt Quick: the window's first frame shows it (see ActionButton).
Row {
    id: indicator

    required property SessionBridge session

    objectName: "linkIndicator"
    spacing: 8

    Rectangle {
        anchors.verticalCenter: parent.verticalCenter
        width: 16
        height: 16
        radius: 8
        color: indicator.session.linkState === "connected" ? Theme.ok : indicator.session.linkState === "connecting" ? Theme.warning : indicator.session.linkState === "lost" ? Theme.danger : Theme.textDim
    }

    Text {
        textFormat: Text.PlainText
        anchors.verticalCenter: parent.verticalCenter
        width: Math.min(Math.ceil(implicitWidth), 230)
        elide: Text.ElideRight
        text: indicator.session.linkText
        color: indicator.session.linkState === "lost" ? Theme.danger : Theme.text
        font.pixelSize: Theme.fontSmall
        font.bold: indicator.session.linkState === "lost"
    }
}
