import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TreadmillCtl

// The link's state, always visible: a dot (green connected, amber connecting, red lost) + words.
RowLayout {
    id: indicator

    required property SessionBridge session

    objectName: "linkIndicator"
    spacing: 8

    Rectangle {
        implicitWidth: 16
        implicitHeight: 16
        radius: 8
        color: indicator.session.linkState === "connected" ? Theme.ok : indicator.session.linkState === "connecting" ? Theme.warning : indicator.session.linkState === "lost" ? Theme.danger : Theme.textDim
    }

    Label {
        Layout.maximumWidth: 230
        elide: Text.ElideRight
        text: indicator.session.linkText
        color: indicator.session.linkState === "lost" ? Theme.danger : Theme.text
        font.pixelSize: Theme.fontSmall
        font.bold: indicator.session.linkState === "lost"
    }
}
