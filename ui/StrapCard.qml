pragma ComponentBehavior: Bound
import QtQuick
import TreadmillCtl

// The optional heart-rate strap on the connect screen: the one in use (or remembered), its
// heart rate, and the straps a scan heard. Nothing connects unless the user picks it (or picked
// it last time). Plain Qt Quick, no Controls or Layouts: part of the window's first frame
// (see ActionButton).
Rectangle {
    id: card

    required property StrapBridge strap

    // Compact: the connect screen's left column must fit a 1280×720 window.
    readonly property int buttonHeight: 44
    // The bottom row's buttons share its width equally (those shown).
    readonly property int shownButtons: (findStrapsButton.visible ? 1 : 0) + (connectStrapButton.visible ? 1 : 0) + (disconnectStrapButton.visible ? 1 : 0) + (forgetStrapButton.visible ? 1 : 0)
    readonly property real buttonWidth: (strapColumn.width - 8 * Math.max(0, card.shownButtons - 1)) / Math.max(1, card.shownButtons)

    objectName: "strapCard"
    implicitHeight: strapColumn.implicitHeight + 2 * Theme.gap
    radius: Theme.radius
    color: Theme.surface
    border.width: card.strap.state === "lost" || card.strap.state === "failed" ? 2 : 0
    border.color: Theme.warning

    Column {
        id: strapColumn
        anchors.left: parent.left
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.margins: Theme.gap
        spacing: 8

        Item {
            width: strapColumn.width
            implicitHeight: Math.max(strapTitle.implicitHeight, strapHeartRate.visible ? strapHeartRate.implicitHeight : 0)
            Row {
                anchors.verticalCenter: parent.verticalCenter
                spacing: 8
                Text {
                    textFormat: Text.PlainText
                    id: strapTitle
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("HEART-RATE STRAP")
                    color: Theme.textDim
                    font.pixelSize: Theme.fontSmall
                    font.letterSpacing: 1
                }
                Text {
                    textFormat: Text.PlainText
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("optional")
                    color: Theme.textDim
                    font.pixelSize: Theme.fontSmall - 2
                    font.italic: true
                }
            }
            Text {
                textFormat: Text.PlainText
                id: strapHeartRate
                objectName: "strapHeartRate"
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                visible: card.strap.heartRateText !== ""
                text: "♥ " + card.strap.heartRateText
                color: Theme.danger
                font.pixelSize: Theme.fontBody + 4
                font.bold: true
            }
        }

        Text {
            textFormat: Text.PlainText
            objectName: "strapName"
            width: strapColumn.width
            text: card.strap.currentName !== "" ? card.strap.currentName : qsTr("None chosen")
            color: Theme.text
            font.pixelSize: Theme.fontBody
            font.bold: true
            elide: Text.ElideRight
        }
        Text {
            textFormat: Text.PlainText
            objectName: "strapStatus"
            width: strapColumn.width
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
            delegate: Item {
                id: strapRow
                required property var modelData
                objectName: "strap_" + strapRow.modelData.address
                visible: !strapRow.modelData.current
                width: strapColumn.width
                implicitHeight: card.buttonHeight
                SignalBars {
                    id: strapBars
                    anchors.verticalCenter: parent.verticalCenter
                    value: strapRow.modelData.bars
                    height: 20
                }
                Text {
                    textFormat: Text.PlainText
                    anchors.left: strapBars.right
                    anchors.right: useButton.left
                    anchors.leftMargin: 8
                    anchors.rightMargin: 8
                    anchors.verticalCenter: parent.verticalCenter
                    text: strapRow.modelData.name
                    color: Theme.text
                    font.pixelSize: Theme.fontSmall + 1
                    elide: Text.ElideRight
                }
                ActionButton {
                    id: useButton
                    objectName: "useStrap_" + strapRow.modelData.address
                    anchors.right: parent.right
                    height: card.buttonHeight
                    width: 96
                    text: qsTr("Use")
                    font.pixelSize: Theme.fontSmall
                    enabled: !card.strap.busy
                    onClicked: card.strap.connectTo(strapRow.modelData.address)
                }
            }
        }

        Row {
            spacing: 8
            ActionButton {
                id: findStrapsButton
                objectName: "findStrapsButton"
                height: card.buttonHeight
                width: card.buttonWidth
                text: card.strap.scanning ? qsTr("Looking…") : qsTr("Find")
                font.pixelSize: Theme.fontSmall
                enabled: !card.strap.scanning && card.strap.available
                onClicked: card.strap.scan()
            }
            ActionButton {
                id: connectStrapButton
                objectName: "connectStrapButton"
                height: card.buttonHeight
                width: card.buttonWidth
                visible: (card.strap.state === "none" && card.strap.rememberedAddress !== "") || card.strap.state === "failed"
                text: card.strap.state === "failed" ? qsTr("Retry") : qsTr("Connect")
                font.pixelSize: Theme.fontSmall
                enabled: !card.strap.busy
                onClicked: card.strap.retry()
            }
            ActionButton {
                id: disconnectStrapButton
                objectName: "disconnectStrapButton"
                height: card.buttonHeight
                width: card.buttonWidth
                visible: card.strap.state === "connected" || card.strap.state === "lost" || card.strap.state === "connecting"
                text: qsTr("Disconnect")
                font.pixelSize: Theme.fontSmall
                onClicked: card.strap.disconnectStrap()
            }
            ActionButton {
                id: forgetStrapButton
                objectName: "forgetStrapButton"
                height: card.buttonHeight
                width: card.buttonWidth
                visible: card.strap.rememberedAddress !== ""
                text: qsTr("Forget")
                font.pixelSize: Theme.fontSmall
                onClicked: card.strap.forget()
            }
        }
    }
}
