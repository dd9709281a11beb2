import QtQuick

// The latest notice for the user. Info and warnings fade after a few seconds; danger stays until
// dismissed with a click. Plain Qt Quick: part of the window's first frame (see ActionButton).
Rectangle {
    id: bar

    property string level: "info"
    property string message: ""

    function show(newLevel: string, newMessage: string) {
        bar.level = newLevel;
        bar.message = newMessage;
        bar.visible = true;
        if (newLevel === "danger")
            hideTimer.stop();
        else
            hideTimer.restart();
    }

    objectName: "noticeBar"
    Accessible.role: Accessible.AlertMessage
    Accessible.name: bar.message
    visible: false
    implicitHeight: noticeText.implicitHeight + Theme.gap
    color: Theme.levelColor(bar.level)

    Text {
        textFormat: Text.PlainText
        id: noticeText
        objectName: "noticeText"
        anchors.fill: parent
        anchors.leftMargin: Theme.gapLarge
        anchors.rightMargin: Theme.gapLarge
        verticalAlignment: Text.AlignVCenter
        text: bar.message
        wrapMode: Text.WordWrap
        font.pixelSize: Theme.fontBody
        color: bar.level === "info" ? Theme.text : bar.level === "warning" ? "#1d1600" : "#ffffff"
    }

    Timer {
        id: hideTimer
        interval: 6000
        onTriggered: bar.visible = false
    }

    TapHandler {
        onTapped: bar.visible = false
    }
}
