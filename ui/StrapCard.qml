pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TreadmillCtl

// The optional heart-rate strap on the connect screen: the one in use (or remembered), its
// heart rate, and the straps a scan heard. Nothing connects unless the user picks it (or picked
// it last time).
Rectangle {
    id: card

    required property StrapBridge strap

    // Compact: the connect screen's left column must fit a 1280×720 window.
    readonly property int buttonHeight: 44

    objectName: "strapCard"
    implicitHeight: strapColumn.implicitHeight + 2 * Theme.gap
    radius: Theme.radius
    color: Theme.surface
    border.width: card.strap.state === "lost" || card.strap.state === "failed" ? 2 : 0
    border.color: Theme.warning

    ColumnLayout {
        id: strapColumn
        anchors.fill: parent
        anchors.margins: Theme.gap
        spacing: 8

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            Label {
                text: qsTr("HEART-RATE STRAP")
                color: Theme.textDim
                font.pixelSize: Theme.fontSmall
                font.letterSpacing: 1
            }
            Label {
                text: qsTr("optional")
                color: Theme.textDim
                font.pixelSize: Theme.fontSmall - 2
                font.italic: true
            }
            Item {
                Layout.fillWidth: true
            }
            Label {
                objectName: "strapHeartRate"
                visible: card.strap.heartRateText !== ""
                text: "♥ " + card.strap.heartRateText
                color: Theme.danger
                font.pixelSize: Theme.fontBody + 4
                font.bold: true
            }
        }

        Label {
            objectName: "strapName"
            Layout.fillWidth: true
            text: card.strap.currentName !== "" ? card.strap.currentName : qsTr("None chosen")
            color: Theme.text
            font.pixelSize: Theme.fontBody
            font.bold: true
            elide: Text.ElideRight
        }
        Label {
            objectName: "strapStatus"
            Layout.fillWidth: true
            visible: text !== ""
            text: card.strap.status
            color: card.strap.state === "lost" || card.strap.state === "failed" ? Theme.warning : Theme.textDim
            font.pixelSize: Theme.fontSmall - 1
            wrapMode: Text.WordWrap
            maximumLineCount: 2
            elide: Text.ElideRight
        }

        // What a scan heard (the remembered strap first), until one is in use.
        Repeater {
            model: card.strap.devices
            delegate: RowLayout {
                id: strapRow
                required property var modelData
                objectName: "strap_" + strapRow.modelData.address
                visible: !strapRow.modelData.current
                Layout.fillWidth: true
                spacing: 8
                SignalBars {
                    value: strapRow.modelData.bars
                    height: 20
                }
                Label {
                    Layout.fillWidth: true
                    text: strapRow.modelData.name
                    color: Theme.text
                    font.pixelSize: Theme.fontSmall + 1
                    elide: Text.ElideRight
                }
                ActionButton {
                    objectName: "useStrap_" + strapRow.modelData.address
                    Layout.preferredHeight: card.buttonHeight
                    Layout.preferredWidth: 96
                    text: qsTr("Use")
                    font.pixelSize: Theme.fontSmall
                    enabled: !card.strap.busy
                    onClicked: card.strap.connectTo(strapRow.modelData.address)
                }
            }
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: 8
            ActionButton {
                objectName: "findStrapsButton"
                Layout.preferredHeight: card.buttonHeight
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                text: card.strap.scanning ? qsTr("Looking…") : qsTr("Find")
                font.pixelSize: Theme.fontSmall
                enabled: !card.strap.scanning && card.strap.available
                onClicked: card.strap.scan()
            }
            ActionButton {
                objectName: "connectStrapButton"
                Layout.preferredHeight: card.buttonHeight
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                visible: (card.strap.state === "none" && card.strap.rememberedAddress !== "") || card.strap.state === "failed"
                text: card.strap.state === "failed" ? qsTr("Retry") : qsTr("Connect")
                font.pixelSize: Theme.fontSmall
                enabled: !card.strap.busy
                onClicked: card.strap.retry()
            }
            ActionButton {
                objectName: "disconnectStrapButton"
                Layout.preferredHeight: card.buttonHeight
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                visible: card.strap.state === "connected" || card.strap.state === "lost" || card.strap.state === "connecting"
                text: qsTr("Disconnect")
                font.pixelSize: Theme.fontSmall
                onClicked: card.strap.disconnectStrap()
            }
            ActionButton {
                objectName: "forgetStrapButton"
                Layout.preferredHeight: card.buttonHeight
                Layout.fillWidth: true
                Layout.preferredWidth: 1
                visible: card.strap.rememberedAddress !== ""
                text: qsTr("Forget")
                font.pixelSize: Theme.fontSmall
                onClicked: card.strap.forget()
            }
        }
    }
}
