pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts

// What happened during a session that the runner should know afterwards (link drops and how
// long the belt ran unattended, stops from the console or the safety key, skips, heart-rate cap
// actions): `notices` is [{n, time, text, kind}] from notices.py, the same on the summary and
// the History screen, where `n` is the mark on the chart. Scrolls when there are many.
Rectangle {
    id: card

    property var notices: []
    // How many rows show before the list scrolls.
    property int rowsShown: 3

    objectName: "sessionNotices"
    visible: card.notices.length > 0
    implicitHeight: column.implicitHeight + 2 * Theme.gap
    radius: Theme.radius
    color: Theme.surfaceRaised
    border.width: 2
    border.color: Theme.warning

    ColumnLayout {
        id: column
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: 4

        Label {
            textFormat: Text.PlainText
            text: qsTr("WHAT HAPPENED")
            color: Theme.textDim
            font.pixelSize: Theme.fontSmall
            font.letterSpacing: 1
        }

        ListView {
            id: list
            objectName: "sessionNoticeList"
            Layout.fillWidth: true
            // Its rows, or the room the card is given (then it scrolls).
            Layout.fillHeight: true
            Layout.preferredHeight: list.implicitHeight
            Layout.minimumHeight: Math.min(list.contentHeight, Theme.fontBody + 14)
            implicitHeight: Math.min(list.contentHeight, card.rowsShown * (Theme.fontBody + 14))
            clip: true
            spacing: 4
            model: card.notices
            boundsBehavior: Flickable.StopAtBounds
            ScrollBar.vertical: ScrollBar {
                policy: list.contentHeight > list.height ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded
            }

            delegate: RowLayout {
                id: row
                required property var modelData
                width: ListView.view.width - 14
                spacing: Theme.gap

                Rectangle {
                    Layout.preferredWidth: 26
                    Layout.preferredHeight: 26
                    Layout.alignment: Qt.AlignTop
                    radius: 13
                    color: Theme.warning
                    Label {
                        textFormat: Text.PlainText
                        anchors.centerIn: parent
                        text: String(row.modelData.n)
                        color: Theme.background
                        font.pixelSize: Theme.fontSmall
                        font.bold: true
                    }
                }
                Label {
                    textFormat: Text.PlainText
                    Layout.alignment: Qt.AlignTop
                    text: row.modelData.time
                    color: Theme.textDim
                    font.pixelSize: Theme.fontBody - 2
                }
                Label {
                    textFormat: Text.PlainText
                    objectName: "sessionNoticeText"
                    Layout.fillWidth: true
                    text: row.modelData.text
                    color: Theme.text
                    font.pixelSize: Theme.fontBody - 2
                    wrapMode: Text.Wrap
                }
            }
        }
    }
}
