pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TreadmillCtl

// Pick the treadmill. The app connects only to the device chosen here: a click on "Connect",
// Enter on the selected row, or Enter for the treadmill used last time.
Item {
    id: screen

    required property AppBridge app
    readonly property ConnectBridge bridge: screen.app.connect
    property string selectedAddress: ""

    focus: true

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

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.gapLarge
        spacing: Theme.gapLarge

        // ---- left: the remembered treadmill, problems, how it works --------------------------
        ColumnLayout {
            Layout.preferredWidth: 440
            Layout.maximumWidth: 440
            Layout.fillHeight: true
            spacing: Theme.gap

            Label {
                text: qsTr("Your treadmill")
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.bold: true
            }

            Rectangle {
                objectName: "rememberedCard"
                Layout.fillWidth: true
                implicitHeight: rememberedColumn.implicitHeight + 2 * Theme.gapLarge
                radius: Theme.radius
                color: Theme.surface
                border.width: screen.bridge.rememberedAddress !== "" ? 2 : 0
                border.color: Theme.accent

                ColumnLayout {
                    id: rememberedColumn
                    anchors.fill: parent
                    anchors.margins: Theme.gapLarge
                    spacing: Theme.gap

                    Label {
                        visible: screen.bridge.rememberedAddress !== ""
                        text: qsTr("USED LAST TIME")
                        color: Theme.textDim
                        font.pixelSize: Theme.fontSmall
                        font.letterSpacing: 1
                    }
                    Label {
                        objectName: "rememberedName"
                        Layout.fillWidth: true
                        text: screen.bridge.rememberedAddress !== "" ? screen.bridge.rememberedName : qsTr("None chosen yet")
                        color: Theme.text
                        font.pixelSize: Theme.fontTitle
                        font.bold: true
                        elide: Text.ElideRight
                    }
                    Label {
                        Layout.fillWidth: true
                        text: screen.bridge.rememberedAddress !== "" ? screen.bridge.rememberedAddress : qsTr("Choose it in the list. The app connects only to the treadmill you choose, never to another one nearby.")
                        color: Theme.textDim
                        font.pixelSize: Theme.fontBody
                        wrapMode: Text.WordWrap
                    }
                    RowLayout {
                        visible: screen.bridge.rememberedAddress !== ""
                        spacing: Theme.gap
                        ActionButton {
                            objectName: "connectRememberedButton"
                            Layout.fillWidth: true
                            text: screen.bridge.connecting && screen.bridge.connectingAddress === screen.bridge.rememberedAddress ? qsTr("Connecting…") : qsTr("Connect")
                            keyHint: qsTr("Enter")
                            fill: Theme.accent
                            textColor: Theme.background
                            enabled: !screen.bridge.connecting
                            onClicked: screen.bridge.connectRemembered()
                        }
                        ActionButton {
                            objectName: "forgetButton"
                            text: qsTr("Forget")
                            enabled: !screen.bridge.connecting
                            onClicked: screen.bridge.forget()
                        }
                    }
                }
            }

            // A Bluetooth problem, in words the user can act on.
            Rectangle {
                objectName: "problemCard"
                visible: screen.bridge.problem !== ""
                Layout.fillWidth: true
                implicitHeight: problemColumn.implicitHeight + 2 * Theme.gap
                radius: Theme.radius
                color: Theme.surface
                border.width: 2
                border.color: screen.bridge.problemKind === "bluetooth_off" || screen.bridge.problemKind === "no_adapter" || screen.bridge.problemKind === "no_permission" ? Theme.danger : Theme.warning

                ColumnLayout {
                    id: problemColumn
                    anchors.fill: parent
                    anchors.margins: Theme.gap
                    spacing: 6
                    Label {
                        objectName: "problemTitle"
                        text: "⚠ " + screen.bridge.problem
                        color: Theme.text
                        font.pixelSize: Theme.fontBody + 4
                        font.bold: true
                    }
                    Label {
                        objectName: "problemAdvice"
                        Layout.fillWidth: true
                        text: screen.bridge.problemAdvice
                        color: Theme.textDim
                        font.pixelSize: Theme.fontSmall + 1
                        wrapMode: Text.WordWrap
                    }
                }
            }

            StrapCard {
                Layout.fillWidth: true
                strap: screen.app.strap
            }

            Item {
                Layout.fillHeight: true
            }

            // Before the first connect: what makes it work.
            Label {
                objectName: "connectTips"
                Layout.fillWidth: true
                text: screen.app.simulated ? qsTr("Virtual treadmill mode: the simulated treadmill is in the list; nothing real moves.") : qsTr("Before you connect: clip the safety key to your clothes, switch the treadmill on, and close other apps that use it (a treadmill takes one connection at a time).")
                color: Theme.textDim
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
            }
        }

        // ---- right: what the scan found --------------------------------------------------------
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.gap

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.gap

                Label {
                    text: qsTr("Nearby")
                    color: Theme.text
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                }
                BusyIndicator {
                    objectName: "scanBusy"
                    visible: screen.bridge.scanning
                    running: screen.bridge.scanning
                    Layout.preferredWidth: 40
                    Layout.preferredHeight: 40
                }
                Item {
                    Layout.fillWidth: true
                }
                ToggleSwitch {
                    id: showAllSwitch
                    objectName: "showAllSwitch"
                    text: qsTr("Show other devices")
                    labelSize: Theme.fontSmall
                    labelColor: Theme.textDim
                    checked: screen.bridge.showAll
                    onToggled: screen.bridge.showAll = showAllSwitch.checked
                }
                ActionButton {
                    objectName: "scanButton"
                    text: screen.bridge.scanning ? qsTr("Scanning…") : qsTr("Scan again")
                    enabled: !screen.bridge.scanning && !screen.bridge.connecting
                    onClicked: screen.bridge.scan()
                }
            }

            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
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

                        RowLayout {
                            anchors.fill: parent
                            anchors.leftMargin: Theme.gap
                            anchors.rightMargin: Theme.gap
                            spacing: Theme.gap

                            SignalBars {
                                value: row.modelData.bars
                                Layout.alignment: Qt.AlignVCenter
                            }

                            ColumnLayout {
                                Layout.fillWidth: true
                                Layout.preferredWidth: 100 // share the row by fill, not by text length
                                spacing: 2
                                RowLayout {
                                    Layout.fillWidth: true
                                    spacing: 10
                                    Label {
                                        text: row.modelData.name
                                        color: Theme.text
                                        font.pixelSize: Theme.fontBody + 4
                                        font.bold: true
                                        elide: Text.ElideRight
                                        Layout.maximumWidth: 420
                                    }
                                    Label {
                                        visible: row.modelData.remembered
                                        text: qsTr("LAST USED")
                                        color: Theme.background
                                        font.pixelSize: Theme.fontSmall - 3
                                        font.bold: true
                                        leftPadding: 8
                                        rightPadding: 8
                                        topPadding: 2
                                        bottomPadding: 2
                                        background: Rectangle {
                                            radius: 4
                                            color: Theme.accent
                                        }
                                    }
                                    Label {
                                        visible: !row.modelData.ftms
                                        text: row.modelData.marked ? qsTr("MARKED AS TREADMILL") : qsTr("NO FITNESS SERVICE")
                                        color: Theme.text
                                        font.pixelSize: Theme.fontSmall - 3
                                        font.bold: true
                                        leftPadding: 8
                                        rightPadding: 8
                                        topPadding: 2
                                        bottomPadding: 2
                                        background: Rectangle {
                                            radius: 4
                                            color: "transparent"
                                            border.width: 1
                                            border.color: Theme.border
                                        }
                                    }
                                    Item {
                                        Layout.fillWidth: true
                                    }
                                }
                                Label {
                                    text: row.modelData.address + "  ·  " + row.modelData.signal
                                    color: Theme.textDim
                                    font.pixelSize: Theme.fontSmall
                                }
                            }

                            ActionButton {
                                objectName: "connect_" + row.modelData.address
                                visible: row.modelData.connectable
                                Layout.preferredWidth: 190
                                text: row.busy ? qsTr("Connecting…") : qsTr("Connect")
                                keyHint: row.selected ? qsTr("Enter") : ""
                                fill: row.selected ? Theme.accent : Theme.surfaceRaised
                                textColor: row.selected ? Theme.background : Theme.text
                                enabled: !screen.bridge.connecting
                                onClicked: screen.bridge.connectTo(row.modelData.address)
                            }
                            ActionButton {
                                objectName: "mark_" + row.modelData.address
                                visible: !row.modelData.connectable
                                Layout.preferredWidth: 270
                                text: qsTr("This is my treadmill")
                                onClicked: screen.bridge.markAsTreadmill(row.modelData.address)
                            }
                        }
                    }

                    // Nothing found (yet): say what to check instead of an empty box.
                    Label {
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

            Label {
                objectName: "statusLine"
                Layout.fillWidth: true
                text: screen.bridge.status
                color: Theme.textDim
                font.pixelSize: Theme.fontSmall
                elide: Text.ElideRight
            }
        }
    }
}
