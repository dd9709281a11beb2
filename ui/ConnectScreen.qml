pragma ComponentBehavior: Bound
import QtQuick
import TreadmillCtl

// Pick the treadmill. The app connects only to the device chosen here: a click on "Connect",
// Enter on the selected row, or Enter for the treadmill used last time.
// Plain Qt Quick, no Controls or Layouts: this screen is the window's first frame, and loading
// those modules would delay it (docs/gui.md, "Startup").
Item {
    id: screen

    required property AppBridge app
    readonly property ConnectBridge bridge: screen.app.connect
    property string selectedAddress: ""

    focus: true

    // A small label on a device row ("LAST USED").
    component RowTag: Rectangle {
        id: tag
        property alias text: tagText.text
        property alias textColor: tagText.color
        implicitWidth: tagText.implicitWidth + 16
        implicitHeight: tagText.implicitHeight + 4
        radius: 4
        Text {
            textFormat: Text.PlainText
            id: tagText
            anchors.centerIn: parent
            font.pixelSize: Theme.fontSmall - 3
            font.bold: true
        }
    }

    function connectSelected() {
        if (screen.selectedAddress !== "")
            screen.bridge.connectTo(screen.selectedAddress);
        else if (screen.bridge.rememberedAddress !== "")
            screen.bridge.connectRemembered();
    }

    Keys.onReturnPressed: screen.connectSelected()
    Keys.onEnterPressed: screen.connectSelected()
    // Arrow keys move the selection; nothing is selected until the user does so (in a gym the
    // first row is not necessarily theirs).
    Keys.onUpPressed: screen.moveSelection(-1)
    Keys.onDownPressed: screen.moveSelection(1)

    function moveSelection(delta: int) {
        const count = deviceList.count;
        if (count === 0)
            return;
        let index = -1;
        for (let i = 0; i < count; ++i) {
            if (screen.bridge.devices[i].address === screen.selectedAddress)
                index = i;
        }
        index = index < 0 ? (delta > 0 ? 0 : count - 1) : Math.max(0, Math.min(count - 1, index + delta));
        screen.selectedAddress = screen.bridge.devices[index].address;
        deviceList.positionViewAtIndex(index, ListView.Contain);
    }

    Component.onCompleted: {
        if (deviceList.count === 0 && !screen.bridge.isConnected)
            screen.bridge.scan();
        screen.app.strap.autoConnect();
    }

    // ---- left: the remembered treadmill, problems, how it works ------------------------------
    Item {
        id: leftSide
        anchors.left: parent.left
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.margins: Theme.gapLarge
        width: 440

        Column {
            width: leftSide.width
            spacing: Theme.gap

            Text {
                textFormat: Text.PlainText
                text: qsTr("Your treadmill")
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }

            // The treadmill connected now (Disconnect, as the strap card has), or else the one
            // used last time (Connect, Forget).
            Rectangle {
                id: treadmillCard
                objectName: "rememberedCard"
                readonly property bool linked: screen.bridge.connectedAddress !== ""
                width: leftSide.width
                implicitHeight: rememberedColumn.implicitHeight + 2 * Theme.gapLarge
                radius: Theme.radius
                color: Theme.surface
                border.width: treadmillCard.linked || screen.bridge.rememberedAddress !== "" ? 2 : 0
                border.color: treadmillCard.linked ? Theme.ok : Theme.accent

                Column {
                    id: rememberedColumn
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.margins: Theme.gapLarge
                    spacing: Theme.gap

                    Row {
                        visible: treadmillCard.linked || screen.bridge.rememberedAddress !== ""
                        spacing: 8
                        Rectangle {
                            anchors.verticalCenter: parent.verticalCenter
                            visible: treadmillCard.linked
                            width: 14
                            height: 14
                            radius: 7
                            color: Theme.ok
                        }
                        Text {
                            objectName: "treadmillState"
                            textFormat: Text.PlainText
                            text: treadmillCard.linked ? qsTr("CONNECTED") : qsTr("USED LAST TIME")
                            color: treadmillCard.linked ? Theme.ok : Theme.textDim
                            font.pixelSize: Theme.fontSmall
                            font.bold: treadmillCard.linked
                            font.letterSpacing: 1
                        }
                    }
                    Text {
                        textFormat: Text.PlainText
                        objectName: "rememberedName"
                        width: rememberedColumn.width
                        text: treadmillCard.linked ? screen.bridge.connectedName : screen.bridge.rememberedAddress !== "" ? screen.bridge.rememberedName : qsTr("None chosen yet")
                        color: Theme.text
                        font.pixelSize: Theme.fontTitle
                        font.bold: true
                        wrapMode: Text.Wrap
                    }
                    Text {
                        textFormat: Text.PlainText
                        width: rememberedColumn.width
                        text: treadmillCard.linked ? screen.bridge.connectedAddress : screen.bridge.rememberedAddress !== "" ? screen.bridge.rememberedAddress : qsTr("Choose it in the list. The app connects only to the treadmill you choose, never to another one nearby.")
                        color: Theme.textDim
                        font.pixelSize: Theme.fontBody
                        wrapMode: Text.WordWrap
                    }
                    Row {
                        visible: !treadmillCard.linked && screen.bridge.rememberedAddress !== ""
                        spacing: Theme.gap
                        ActionButton {
                            objectName: "connectRememberedButton"
                            width: rememberedColumn.width - forgetButton.width - Theme.gap
                            text: screen.bridge.connecting && screen.bridge.connectingAddress === screen.bridge.rememberedAddress ? qsTr("Connecting…") : qsTr("Connect")
                            keyHint: qsTr("Enter")
                            fill: Theme.accent
                            textColor: Theme.background
                            enabled: !screen.bridge.connecting
                            onClicked: screen.bridge.connectRemembered()
                        }
                        ActionButton {
                            id: forgetButton
                            objectName: "forgetButton"
                            text: qsTr("Forget")
                            enabled: !screen.bridge.connecting
                            onClicked: screen.bridge.forget()
                        }
                    }
                    Row {
                        visible: treadmillCard.linked
                        spacing: Theme.gap
                        ActionButton {
                            objectName: "choosePresetButton"
                            width: rememberedColumn.width - disconnectButton.width - Theme.gap
                            text: qsTr("Presets")
                            keyHint: qsTr("choose one")
                            fill: Theme.accent
                            textColor: Theme.background
                            onClicked: screen.app.screen = "presets"
                        }
                        ActionButton {
                            id: disconnectButton
                            objectName: "disconnectButton"
                            text: qsTr("Disconnect")
                            enabled: !screen.bridge.connecting
                            onClicked: screen.bridge.disconnectTreadmill()
                        }
                    }
                }
            }

            // A Bluetooth problem, in words the user can act on.
            Rectangle {
                objectName: "problemCard"
                visible: screen.bridge.problem !== ""
                width: leftSide.width
                implicitHeight: problemColumn.implicitHeight + 2 * Theme.gap
                radius: Theme.radius
                color: Theme.surface
                border.width: 2
                border.color: screen.bridge.problemKind === "bluetooth_off" || screen.bridge.problemKind === "no_adapter" || screen.bridge.problemKind === "no_permission" ? Theme.danger : Theme.warning

                Column {
                    id: problemColumn
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.margins: Theme.gap
                    spacing: 6
                    Text {
                        textFormat: Text.PlainText
                        objectName: "problemTitle"
                        text: "⚠ " + screen.bridge.problem
                        color: Theme.text
                        font.pixelSize: Theme.fontBody + 4
                        font.bold: true
                    }
                    Text {
                        textFormat: Text.PlainText
                        objectName: "problemAdvice"
                        width: problemColumn.width
                        text: screen.bridge.problemAdvice
                        color: Theme.textDim
                        font.pixelSize: Theme.fontSmall + 1
                        wrapMode: Text.WordWrap
                    }
                }
            }

            StrapCard {
                width: leftSide.width
                strap: screen.app.strap
            }
        }

        // Before the first connect: what makes it work.
        Text {
            textFormat: Text.PlainText
            objectName: "connectTips"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            text: screen.app.simulated ? qsTr("Virtual treadmill mode: the simulated treadmill is in the list; nothing real moves.") : qsTr("Before you connect: clip the safety key to your clothes, switch the treadmill on, and close other apps that use it (a treadmill takes one connection at a time).")
            color: Theme.textDim
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.WordWrap
        }
    }

    // ---- right: what the scan found ------------------------------------------------------------
    Item {
        id: rightSide
        anchors.left: leftSide.right
        anchors.right: parent.right
        anchors.top: parent.top
        anchors.bottom: parent.bottom
        anchors.margins: Theme.gapLarge

        Item {
            id: listHeader
            width: rightSide.width
            implicitHeight: Math.max(nearbyTitle.implicitHeight, scanBusy.height, showAllSwitch.implicitHeight, scanButton.implicitHeight)

            Row {
                anchors.verticalCenter: parent.verticalCenter
                spacing: Theme.gap
                Text {
                    textFormat: Text.PlainText
                    id: nearbyTitle
                    anchors.verticalCenter: parent.verticalCenter
                    text: qsTr("Nearby")
                    color: Theme.text
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                }
                BusySpinner {
                    id: scanBusy
                    objectName: "scanBusy"
                    anchors.verticalCenter: parent.verticalCenter
                    visible: screen.bridge.scanning
                    running: screen.bridge.scanning
                    width: 40
                    height: 40
                }
            }
            ToggleSwitch {
                id: showAllSwitch
                objectName: "showAllSwitch"
                anchors.right: scanButton.left
                anchors.rightMargin: Theme.gap
                anchors.verticalCenter: parent.verticalCenter
                text: qsTr("Show other devices")
                labelSize: Theme.fontSmall
                labelColor: Theme.textDim
                checked: screen.bridge.showAll
                onToggled: on => screen.bridge.showAll = on
            }
            ActionButton {
                id: scanButton
                objectName: "scanButton"
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                text: screen.bridge.scanning ? qsTr("Scanning…") : qsTr("Scan again")
                enabled: !screen.bridge.scanning && !screen.bridge.connecting
                onClicked: screen.bridge.scan()
            }
        }

        Rectangle {
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.top: listHeader.bottom
            anchors.bottom: checkStrip.visible ? checkStrip.top : statusLine.top
            anchors.topMargin: Theme.gap
            anchors.bottomMargin: Theme.gap
            radius: Theme.radius
            color: Theme.surface

            ListView {
                id: deviceList
                objectName: "deviceList"
                anchors.fill: parent
                anchors.margins: 8
                clip: true
                spacing: 6
                model: screen.bridge.devices

                delegate: Rectangle {
                    id: row
                    required property var modelData
                    required property int index
                    readonly property bool selected: screen.selectedAddress === row.modelData.address
                    readonly property bool busy: screen.bridge.connecting && screen.bridge.connectingAddress === row.modelData.address

                    objectName: "device_" + row.modelData.address
                    Accessible.role: Accessible.ListItem
                    Accessible.name: row.modelData.name + ", " + row.modelData.address
                    width: ListView.view.width
                    implicitHeight: 88
                    radius: Theme.radius - 2
                    color: row.selected ? Theme.surfaceRaised : "transparent"
                    border.width: row.selected ? 2 : 0
                    border.color: Theme.accent

                    TapHandler {
                        onTapped: screen.selectedAddress = row.modelData.address
                        onDoubleTapped: {
                            if (row.modelData.connectable)
                                screen.bridge.connectTo(row.modelData.address);
                        }
                    }

                    SignalBars {
                        id: rowBars
                        anchors.left: parent.left
                        anchors.leftMargin: Theme.gap
                        anchors.verticalCenter: parent.verticalCenter
                        value: row.modelData.bars
                    }

                    Column {
                        anchors.left: rowBars.right
                        anchors.right: row.modelData.connectable ? connectButton.left : markButton.left
                        anchors.leftMargin: Theme.gap
                        anchors.rightMargin: Theme.gap
                        anchors.verticalCenter: parent.verticalCenter
                        spacing: 2
                        Row {
                            width: parent.width
                            spacing: 10
                            Text {
                                textFormat: Text.PlainText
                                anchors.verticalCenter: parent.verticalCenter
                                width: Math.min(implicitWidth, 420)
                                text: row.modelData.name
                                color: Theme.text
                                font.pixelSize: Theme.fontBody + 4
                                font.bold: true
                                elide: Text.ElideRight
                            }
                            RowTag {
                                anchors.verticalCenter: parent.verticalCenter
                                visible: row.modelData.remembered
                                text: qsTr("LAST USED")
                                textColor: Theme.background
                                color: Theme.accent
                            }
                            RowTag {
                                anchors.verticalCenter: parent.verticalCenter
                                visible: !row.modelData.ftms
                                text: row.modelData.marked ? qsTr("MARKED AS TREADMILL") : qsTr("NO FITNESS SERVICE")
                                textColor: Theme.text
                                color: "transparent"
                                border.width: 1
                                border.color: Theme.border
                            }
                        }
                        Text {
                            textFormat: Text.PlainText
                            text: row.modelData.address + "  ·  " + row.modelData.signal
                            color: Theme.textDim
                            font.pixelSize: Theme.fontSmall
                        }
                    }

                    ActionButton {
                        id: connectButton
                        objectName: "connect_" + row.modelData.address
                        visible: row.modelData.connectable
                        anchors.right: parent.right
                        anchors.rightMargin: Theme.gap
                        anchors.verticalCenter: parent.verticalCenter
                        width: 190
                        text: row.busy ? qsTr("Connecting…") : row.modelData.address === screen.bridge.connectedAddress ? qsTr("Connected") : qsTr("Connect")
                        keyHint: row.selected ? qsTr("Enter") : ""
                        fill: row.selected ? Theme.accent : Theme.surfaceRaised
                        textColor: row.selected ? Theme.background : Theme.text
                        enabled: !screen.bridge.connecting
                        onClicked: screen.bridge.connectTo(row.modelData.address)
                    }
                    ActionButton {
                        id: markButton
                        objectName: "mark_" + row.modelData.address
                        visible: !row.modelData.connectable
                        anchors.right: parent.right
                        anchors.rightMargin: Theme.gap
                        anchors.verticalCenter: parent.verticalCenter
                        width: 270
                        text: qsTr("This is my treadmill")
                        onClicked: screen.bridge.markAsTreadmill(row.modelData.address)
                    }
                }

                // Nothing found (yet): say what to check instead of an empty box.
                Text {
                    textFormat: Text.PlainText
                    objectName: "emptyList"
                    anchors.centerIn: parent
                    width: parent.width * 0.8
                    visible: deviceList.count === 0
                    horizontalAlignment: Text.AlignHCenter
                    wrapMode: Text.WordWrap
                    text: screen.bridge.scanning ? qsTr("Looking for treadmills…") : qsTr("No treadmill in the list.\nSwitch it on, close other apps connected to it, and scan again.\nIf yours does not show up, turn on “Show other devices”.")
                    color: Theme.textDim
                    font.pixelSize: Theme.fontBody
                }
            }
        }

        // The chosen treadmill's machine check: its saved result in one line (or the
        // suggestion to run it) and "Check this treadmill". Under the list, which gives way.
        Rectangle {
            id: checkStrip
            objectName: "checkStrip"
            visible: screen.app.check.available
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: statusLine.top
            anchors.bottomMargin: Theme.gap
            implicitHeight: Math.max(checkSummary.implicitHeight, checkButton.implicitHeight) + 2 * Theme.gap
            radius: Theme.radius
            color: Theme.surface
            border.width: screen.app.check.suggested || screen.app.check.blocked ? 2 : 0
            border.color: screen.app.check.blocked ? Theme.danger : Theme.warning

            Text {
                id: checkSummary
                objectName: "checkSummary"
                textFormat: Text.PlainText
                anchors.left: parent.left
                anchors.right: checkButton.left
                anchors.verticalCenter: parent.verticalCenter
                anchors.margins: Theme.gap
                text: screen.app.check.summary
                color: screen.app.check.blocked ? Theme.danger : Theme.text
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
                maximumLineCount: 5 // German takes four lines at 1024x600
                elide: Text.ElideRight
            }
            ActionButton {
                id: checkButton
                objectName: "checkButton"
                anchors.right: parent.right
                anchors.verticalCenter: parent.verticalCenter
                anchors.rightMargin: Theme.gap
                text: qsTr("Check this treadmill")
                keyHint: qsTr("nobody on the belt")
                fill: screen.app.check.suggested ? Theme.warning : Theme.surfaceRaised
                textColor: screen.app.check.suggested ? Theme.background : Theme.text
                enabled: !screen.bridge.connecting && screen.app.check.phase === "idle"
                onClicked: screen.app.check.begin()
            }
        }

        Text {
            textFormat: Text.PlainText
            id: statusLine
            objectName: "statusLine"
            anchors.left: parent.left
            anchors.right: parent.right
            anchors.bottom: parent.bottom
            text: screen.bridge.status
            color: Theme.textDim
            font.pixelSize: Theme.fontSmall
            elide: Text.ElideRight
        }
    }

    // Over everything while the machine check confirms, runs or shows its result.
    MachineCheckOverlay {
        anchors.fill: parent
        z: 10
        check: screen.app.check
    }
}
