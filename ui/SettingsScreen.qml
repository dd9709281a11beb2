pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import TreadmillCtl

// Every setting, by section. Each change is checked (a value above a cap or the hard ceiling is
// refused with the reason and the old value stays) and saved at once.
// A Control, not an Item, for its font: the Controls in this screen take their type size from
// it (the window is a plain Qt Quick Window, not a Controls ApplicationWindow; see Main.qml).
Control {
    id: screen

    font.pixelSize: Theme.fontBody

    required property AppBridge app
    readonly property SettingsBridge bridge: screen.app.settings
    readonly property var values: screen.bridge.values
    readonly property var units: screen.bridge.units
    readonly property var errors: screen.bridge.errors
    property int sectionIndex: 0

    FolderDialog {
        id: folderDialog
        objectName: "folderDialog"
        title: qsTr("Folder for Bluetooth traffic logs")
        onAccepted: screen.bridge.setFolder(folderDialog.selectedFolder.toString())
    }

    // One setting: label and help on the left, its control on the right, the refusal under it.
    component SettingRow: Rectangle {
        id: settingRow

        required property var field
        readonly property string key: settingRow.field.key
        readonly property string kind: settingRow.field.kind
        readonly property string problem: screen.errors[settingRow.key] ?? ""

        objectName: "setting_" + settingRow.key
        implicitHeight: Math.max(labelColumn.implicitHeight, controlHolder.implicitHeight) + 2 * Theme.gap
        radius: Theme.radius
        color: Theme.surface
        border.width: settingRow.problem !== "" ? 2 : 0
        border.color: Theme.danger

        RowLayout {
            anchors.fill: parent
            anchors.margins: Theme.gap
            spacing: Theme.gapLarge

            ColumnLayout {
                id: labelColumn
                Layout.fillWidth: true
                Layout.preferredWidth: 10
                spacing: 4
                Label {
                    textFormat: Text.PlainText
                    text: settingRow.field.label
                    color: Theme.text
                    font.pixelSize: Theme.fontBody
                    font.bold: true
                }
                Label {
                    textFormat: Text.PlainText
                    objectName: "help_" + settingRow.key
                    visible: settingRow.field.help !== ""
                    Layout.fillWidth: true
                    text: settingRow.field.help
                    color: Theme.textDim
                    font.pixelSize: Theme.fontSmall
                    wrapMode: Text.WordWrap
                }
                Label {
                    textFormat: Text.PlainText
                    objectName: "error_" + settingRow.key
                    visible: settingRow.problem !== ""
                    Layout.fillWidth: true
                    text: settingRow.problem
                    color: Theme.danger
                    font.pixelSize: Theme.fontSmall
                    font.bold: true
                    wrapMode: Text.WordWrap
                }
            }

            Item {
                id: controlHolder
                Layout.preferredWidth: 400
                Layout.fillHeight: true
                implicitHeight: 48

                // speed / number / optional number: − [value] +
                RowLayout {
                    visible: ["speed", "number", "optional_number"].indexOf(settingRow.kind) >= 0
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.right: parent.right
                    spacing: 8
                    ActionButton {
                        objectName: "minus_" + settingRow.key
                        Accessible.name: qsTr("Less: %1").arg(settingRow.field.label)
                        implicitWidth: 56
                        implicitHeight: 48
                        text: "−"
                        font.pixelSize: Theme.fontTitle
                        onClicked: screen.bridge.stepValue(settingRow.key, -1)
                    }
                    FormField {
                        id: numberField
                        objectName: "field_" + settingRow.key
                        Accessible.name: settingRow.field.label
                        Layout.preferredWidth: 110
                        horizontalAlignment: TextInput.AlignRight
                        font.pixelSize: Theme.fontBody + 4
                        font.bold: true
                        text: String(screen.values[settingRow.key] ?? "")
                        placeholderText: settingRow.kind === "optional_number" ? qsTr("off") : ""
                        problem: settingRow.problem
                        onEditingFinished: screen.bridge.setText(settingRow.key, numberField.text)
                        // The bridge re-sends the kept value when a value is refused.
                        Connections {
                            target: screen.bridge
                            function onValuesChanged() {
                                numberField.text = String(screen.values[settingRow.key] ?? "");
                            }
                        }
                    }
                    ActionButton {
                        objectName: "plus_" + settingRow.key
                        Accessible.name: qsTr("More: %1").arg(settingRow.field.label)
                        implicitWidth: 56
                        implicitHeight: 48
                        text: "+"
                        font.pixelSize: Theme.fontTitle
                        onClicked: screen.bridge.stepValue(settingRow.key, 1)
                    }
                    Label {
                        textFormat: Text.PlainText
                        Layout.preferredWidth: 100
                        text: screen.units[settingRow.key] ?? ""
                        color: Theme.textDim
                        font.pixelSize: Theme.fontSmall
                        elide: Text.ElideRight
                    }
                }

                ChoiceRow {
                    visible: settingRow.kind === "choice"
                    objectName: "choices_" + settingRow.key
                    Accessible.name: settingRow.field.label
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.right: parent.right
                    choices: settingRow.field.choices
                    value: String(screen.values[settingRow.key] ?? "")
                    onChosen: value => screen.bridge.setChoice(settingRow.key, value)
                }

                ToggleSwitch {
                    id: toggle
                    visible: settingRow.kind === "switch"
                    objectName: "switch_" + settingRow.key
                    Accessible.name: settingRow.field.label
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.right: parent.right
                    checked: screen.values[settingRow.key] === true
                    onToggled: on => screen.bridge.setSwitch(settingRow.key, on)
                }

                RowLayout {
                    visible: settingRow.kind === "volume"
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.left: parent.left
                    anchors.right: parent.right
                    spacing: Theme.gap
                    Slider {
                        id: volumeSlider
                        objectName: "volumeSlider"
                        Accessible.name: settingRow.field.label
                        Layout.fillWidth: true
                        focusPolicy: Qt.NoFocus
                        from: 0
                        to: 100
                        stepSize: 5
                        value: Number(screen.values["volume"] ?? 0)
                        onMoved: screen.bridge.setVolume(Math.round(volumeSlider.value))
                    }
                    Label {
                        textFormat: Text.PlainText
                        Layout.preferredWidth: 70
                        horizontalAlignment: Text.AlignRight
                        text: Math.round(volumeSlider.value) + " %"
                        color: Theme.text
                        font.pixelSize: Theme.fontBody
                    }
                }

                ColumnLayout {
                    visible: settingRow.kind === "folder"
                    anchors.verticalCenter: parent.verticalCenter
                    anchors.left: parent.left
                    anchors.right: parent.right
                    spacing: 6
                    Label {
                        textFormat: Text.PlainText
                        objectName: "folderPath"
                        Layout.fillWidth: true
                        text: String(screen.values[settingRow.key] ?? "")
                        color: Theme.text
                        font.pixelSize: Theme.fontSmall
                        elide: Text.ElideMiddle
                    }
                    RowLayout {
                        spacing: 8
                        ActionButton {
                            implicitHeight: 44
                            font.pixelSize: Theme.fontSmall
                            text: qsTr("Choose…")
                            onClicked: folderDialog.open()
                        }
                        ActionButton {
                            implicitHeight: 44
                            font.pixelSize: Theme.fontSmall
                            text: qsTr("Default")
                            onClicked: screen.bridge.resetFolder()
                        }
                    }
                }
            }
        }
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.gapLarge
        spacing: Theme.gapLarge

        // ---- sections ------------------------------------------------------------------------
        ColumnLayout {
            Layout.preferredWidth: 240
            Layout.fillHeight: true
            spacing: 6

            Label {
                textFormat: Text.PlainText
                text: qsTr("Settings")
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.bold: true
                bottomPadding: Theme.gap
            }
            Repeater {
                model: screen.bridge.sections
                delegate: TabLikeButton {
                    id: sectionButton
                    required property var modelData
                    required property int index
                    objectName: "section_" + sectionButton.modelData.title
                    Layout.fillWidth: true
                    text: sectionButton.modelData.title
                    current: screen.sectionIndex === sectionButton.index
                    onClicked: screen.sectionIndex = sectionButton.index
                }
            }
            Item {
                Layout.fillHeight: true
            }
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: qsTr("Saved at once to\n%1").arg(screen.bridge.settingsFile)
                color: Theme.textDim
                font.pixelSize: Theme.fontSmall - 3
                wrapMode: Text.WrapAnywhere
            }
        }

        // ---- the section's settings ------------------------------------------------------------
        ScrollView {
            id: fieldScroll
            objectName: "settingsScroll"
            Layout.fillWidth: true
            Layout.fillHeight: true
            contentWidth: availableWidth
            clip: true

            ColumnLayout {
                width: fieldScroll.availableWidth
                spacing: 10

                Label {
                    textFormat: Text.PlainText
                    text: screen.bridge.sections[screen.sectionIndex].title
                    color: Theme.text
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                }

                Repeater {
                    model: screen.bridge.sections[screen.sectionIndex].fields
                    delegate: SettingRow {
                        required property var modelData
                        Layout.fillWidth: true
                        field: modelData
                    }
                }

                // Sound: whether there is an audio output, and a test.
                Rectangle {
                    objectName: "audioStatus"
                    visible: screen.bridge.sections[screen.sectionIndex].title === "Sound"
                    Layout.fillWidth: true
                    implicitHeight: audioRow.implicitHeight + 2 * Theme.gap
                    radius: Theme.radius
                    color: Theme.surface
                    border.width: screen.app.sound.available ? 0 : 2
                    border.color: Theme.warning
                    RowLayout {
                        id: audioRow
                        anchors.fill: parent
                        anchors.margins: Theme.gap
                        spacing: Theme.gap
                        Label {
                            textFormat: Text.PlainText
                            objectName: "audioStatusText"
                            Layout.fillWidth: true
                            text: (screen.app.sound.available ? screen.app.sound.statusText : qsTr("No audio device: running silently. Cues are shown on screen only.") + "\n" + screen.app.sound.statusText) + (screen.app.sound.lastCue !== "" ? "\n" + qsTr("Last cue: %1").arg(screen.app.sound.lastCue) : "")
                            color: screen.app.sound.available ? Theme.textDim : Theme.text
                            font.pixelSize: Theme.fontSmall + 1
                            wrapMode: Text.WordWrap
                        }
                        // The cues of a turn, one after another, heard and captioned.
                        ActionButton {
                            objectName: "soundCheckButton"
                            text: qsTr("Sound check")
                            onClicked: screen.app.sound.soundCheck()
                        }
                    }
                }

                // Keys: the bindings (edit them in the settings file).
                ColumnLayout {
                    visible: screen.bridge.sections[screen.sectionIndex].title === "Keys"
                    Layout.fillWidth: true
                    spacing: 10

                    Repeater {
                        model: [
                            {
                                title: qsTr("Keyboard"),
                                rows: screen.bridge.keyBindings
                            },
                            {
                                title: qsTr("Presenter clicker"),
                                rows: screen.bridge.clickerBindings
                            }
                        ]
                        delegate: Rectangle {
                            id: bindingCard
                            required property var modelData
                            Layout.fillWidth: true
                            implicitHeight: bindingColumn.implicitHeight + 2 * Theme.gap
                            radius: Theme.radius
                            color: Theme.surface
                            ColumnLayout {
                                id: bindingColumn
                                anchors.fill: parent
                                anchors.margins: Theme.gap
                                spacing: 4
                                Label {
                                    textFormat: Text.PlainText
                                    text: bindingCard.modelData.title
                                    color: Theme.text
                                    font.pixelSize: Theme.fontBody
                                    font.bold: true
                                    bottomPadding: 4
                                }
                                Repeater {
                                    model: bindingCard.modelData.rows
                                    delegate: RowLayout {
                                        id: bindingRow
                                        required property var modelData
                                        Layout.fillWidth: true
                                        Label {
                                            textFormat: Text.PlainText
                                            Layout.preferredWidth: 300
                                            text: bindingRow.modelData.label
                                            color: Theme.textDim
                                            font.pixelSize: Theme.fontSmall + 1
                                        }
                                        Label {
                                            textFormat: Text.PlainText
                                            Layout.fillWidth: true
                                            text: bindingRow.modelData.keys
                                            color: Theme.text
                                            font.pixelSize: Theme.fontSmall + 1
                                            font.bold: true
                                        }
                                    }
                                }
                            }
                        }
                    }
                    RowLayout {
                        Layout.fillWidth: true
                        Label {
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                            text: qsTr("To change a key, edit [key_bindings] in the settings file; a clicker can only be bound to STOP, pause and slower.")
                            color: Theme.textDim
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.WordWrap
                        }
                        ActionButton {
                            objectName: "resetKeysButton"
                            text: qsTr("Reset keys")
                            onClicked: screen.bridge.resetKeys()
                        }
                    }
                }
            }
        }
    }
}
