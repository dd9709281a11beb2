import QtQuick
import TreadmillCtl

// The link's state, always visible: a dot (green connected, amber connecting, red lost) + words,
// right-aligned in the width it is given; the words wrap onto a second line rather than being
// cut. Plain Qt Quick: the window's first frame shows it (see ActionButton).
Item {
    id: indicator

    required property SessionBridge session

    objectName: "linkIndicator"
    implicitWidth: dot.width + 8 + Math.ceil(linkText.implicitWidth)
    implicitHeight: Math.max(dot.height, linkText.height)
    height: implicitHeight
    Accessible.name: indicator.session.linkText

    Rectangle {
        id: dot
        anchors.right: linkText.left
        anchors.rightMargin: 8
        anchors.verticalCenter: parent.verticalCenter
        width: 16
        height: 16
        radius: 8
        color: indicator.session.linkState === "connected" ? Theme.ok : indicator.session.linkState === "connecting" ? Theme.warning : indicator.session.linkState === "lost" ? Theme.danger : Theme.textDim
    }

    Text {
        id: linkText
        objectName: "linkText"
        textFormat: Text.PlainText
        anchors.right: parent.right
        anchors.verticalCenter: parent.verticalCenter
        width: Math.max(0, Math.min(Math.ceil(implicitWidth), indicator.width - dot.width - 8))
        wrapMode: Text.Wrap
        text: indicator.session.linkText
        color: indicator.session.linkState === "lost" ? Theme.danger : Theme.text
        font.pixelSize: Theme.fontSmall
        font.bold: indicator.session.linkState === "lost"
    }
}
