pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TreadmillCtl

// Create or edit a preset. Every value is checked as it is typed, with the same rules as a preset
// file (caps, hard ceiling, the treadmill's range); a refused value is marked red with the reason.
// Saving is atomic, through the preset library.
// A Control, not an Item, for its font: the Controls in this screen take their type size from
// it (the window is a plain Qt Quick Window, not a Controls ApplicationWindow; see Main.qml).
Control {
    id: screen

    font.pixelSize: Theme.fontBody

    required property AppBridge app
    readonly property EditorBridge editor: screen.app.presets.editor
    readonly property var errors: screen.editor.errors
    readonly property var warnings: screen.editor.warnings

    // Widths of the phase columns (header and rows line up).
    readonly property int kindWidth: 200
    readonly property int timeWidth: 100
    readonly property int speedWidth: 92
    readonly property int inclineWidth: 84
    readonly property int stepCount: stepList.count

    component PhaseRow: RowLayout {
        id: phaseRow

        required property var phase
        required property int stepIndex
        required property bool inGroup
        readonly property string key: phaseRow.stepIndex + "." + phaseRow.phase.index

        function problems(): string {
            const parts = [];
            const labels = {
                "kind": "",
                "name": qsTr("Name: "),
                "duration": qsTr("Time: "),
                "speed": qsTr("Speed: "),
                "incline": qsTr("Incline: ")
            };
            const whole = screen.errors[phaseRow.key];
            if (whole)
                parts.push(whole);
            for (const field of ["kind", "name", "duration", "speed", "incline"]) {
                const message = screen.errors[phaseRow.key + "." + field];
                if (message)
                    parts.push(labels[field] + message);
            }
            return parts.join("\n");
        }

        function warningText(): string {
            const w = screen.warnings[phaseRow.key + ".speed"] ?? screen.warnings[phaseRow.key + ".incline"];
            return w ?? "";
        }

        spacing: 8

        Rectangle {
            Layout.preferredWidth: 6
            Layout.fillHeight: true
            radius: 3
            color: Theme.directionColor(phaseRow.phase.direction)
        }

        ColumnLayout {
            Layout.fillWidth: true
            spacing: 4

            RowLayout {
                spacing: 8
                DirectionIcon {
                    direction: phaseRow.phase.direction
                    implicitWidth: 26
                    implicitHeight: 26
                }
                KindBox {
                    objectName: "kind_" + phaseRow.key
                    Accessible.name: qsTr("Kind of phase")
                    Layout.preferredWidth: screen.kindWidth - 34
                    kinds: screen.editor.kinds
                    value: phaseRow.phase.kind
                    onChosen: kind => screen.editor.setPhaseField(phaseRow.stepIndex, phaseRow.phase.index, "kind", kind)
                }
                FormField {
                    objectName: "name_" + phaseRow.key
                    Accessible.name: qsTr("Name")
                    Layout.fillWidth: true
                    Layout.minimumWidth: 100
                    font.pixelSize: Theme.fontSmall + 1
                    placeholderText: qsTr("(name)")
                    text: phaseRow.phase.name
                    problem: screen.errors[phaseRow.key + ".name"] ?? ""
                    onTextEdited: screen.editor.setPhaseField(phaseRow.stepIndex, phaseRow.phase.index, "name", text)
                }
                FormField {
                    objectName: "duration_" + phaseRow.key
                    Accessible.name: qsTr("Time")
                    Layout.preferredWidth: screen.timeWidth
                    horizontalAlignment: TextInput.AlignRight
                    placeholderText: "0:30"
                    text: phaseRow.phase.duration
                    problem: screen.errors[phaseRow.key + ".duration"] ?? ""
                    onTextEdited: screen.editor.setPhaseField(phaseRow.stepIndex, phaseRow.phase.index, "duration", text)
                }
                FormField {
                    objectName: "speed_" + phaseRow.key
                    Accessible.name: qsTr("Speed")
                    Layout.preferredWidth: screen.speedWidth
                    horizontalAlignment: TextInput.AlignRight
                    placeholderText: phaseRow.phase.direction === "backward" ? qsTr("default") : ""
                    text: phaseRow.phase.speed
                    problem: screen.errors[phaseRow.key + ".speed"] ?? ""
                    warning: screen.warnings[phaseRow.key + ".speed"] ?? ""
                    onTextEdited: screen.editor.setPhaseField(phaseRow.stepIndex, phaseRow.phase.index, "speed", text)
                }
                FormField {
                    objectName: "incline_" + phaseRow.key
                    Accessible.name: qsTr("Incline %")
                    Layout.preferredWidth: screen.inclineWidth
                    horizontalAlignment: TextInput.AlignRight
                    placeholderText: "0"
                    text: phaseRow.phase.incline
                    problem: screen.errors[phaseRow.key + ".incline"] ?? ""
                    onTextEdited: screen.editor.setPhaseField(phaseRow.stepIndex, phaseRow.phase.index, "incline", text)
                }
                ToolButton {
                    objectName: "up_" + phaseRow.stepIndex
                    Accessible.name: qsTr("Move up")
                    visible: !phaseRow.inGroup
                    focusPolicy: Qt.NoFocus
                    enabled: phaseRow.stepIndex > 0
                    text: "▲"
                    implicitWidth: 36
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Move up")
                    onClicked: screen.editor.moveStep(phaseRow.stepIndex, -1)
                }
                ToolButton {
                    objectName: "down_" + phaseRow.stepIndex
                    Accessible.name: qsTr("Move down")
                    visible: !phaseRow.inGroup
                    focusPolicy: Qt.NoFocus
                    enabled: phaseRow.stepIndex < screen.stepCount - 1
                    text: "▼"
                    implicitWidth: 36
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Move down")
                    onClicked: screen.editor.moveStep(phaseRow.stepIndex, 1)
                }
                Item {
                    visible: phaseRow.inGroup
                    implicitWidth: 2 * 36 + 8
                }
                ToolButton {
                    objectName: "remove_" + phaseRow.key
                    Accessible.name: qsTr("Remove this phase")
                    focusPolicy: Qt.NoFocus
                    text: "✕"
                    font.pixelSize: Theme.fontBody
                    implicitWidth: 40
                    ToolTip.visible: hovered
                    ToolTip.text: qsTr("Remove this phase")
                    onClicked: screen.editor.removePhase(phaseRow.stepIndex, phaseRow.phase.index)
                }
            }

            Label {
                textFormat: Text.PlainText
                objectName: "problems_" + phaseRow.key
                visible: text !== ""
                Layout.fillWidth: true
                leftPadding: 34
                text: phaseRow.problems() || phaseRow.warningText()
                color: phaseRow.problems() !== "" ? Theme.danger : Theme.warning
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.WordWrap
            }
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gapLarge
        spacing: Theme.gap

        // ---- title, save, cancel ---------------------------------------------------------------
        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.gap

            ColumnLayout {
                Layout.fillWidth: true
                spacing: 2
                Label {
                    textFormat: Text.PlainText
                    objectName: "editorTitle"
                    Layout.fillWidth: true
                    text: screen.editor.title
                    color: Theme.text
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                    fontSizeMode: Text.HorizontalFit
                    minimumPixelSize: Theme.fontBody
                    elide: Text.ElideRight
                }
                Label {
                    textFormat: Text.PlainText
                    visible: screen.editor.note !== ""
                    text: screen.editor.note
                    color: Theme.textDim
                    font.pixelSize: Theme.fontSmall
                }
            }
            Label {
                textFormat: Text.PlainText
                objectName: "problemCount"
                visible: !screen.editor.valid
                text: screen.editor.errorCount === 1 ? qsTr("1 problem to fix") : qsTr("%1 problems to fix").arg(screen.editor.errorCount)
                color: Theme.danger
                font.pixelSize: Theme.fontBody
                font.bold: true
            }
            ActionButton {
                objectName: "cancelButton"
                text: qsTr("Cancel")
                onClicked: screen.editor.cancel()
            }
            ActionButton {
                objectName: "saveButton"
                text: qsTr("Save")
                fill: Theme.accent
                textColor: Theme.background
                enabled: screen.editor.valid
                onClicked: screen.editor.save()
            }
        }

        RowLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.gapLarge

            // ---- the preset as a whole -------------------------------------------------------------
            ScrollView {
                Layout.preferredWidth: 360
                Layout.fillHeight: true
                contentWidth: availableWidth
                clip: true

                ColumnLayout {
                    width: parent.width
                    spacing: 8

                    Label {
                        textFormat: Text.PlainText
                        text: qsTr("Name")
                        color: Theme.textDim
                        font.pixelSize: Theme.fontSmall
                    }
                    FormField {
                        objectName: "presetName"
                        Accessible.name: qsTr("Name")
                        Layout.fillWidth: true
                        text: screen.editor.name
                        problem: screen.errors["name"] ?? ""
                        onTextEdited: screen.editor.setHeader("name", text)
                    }
                    Label {
                        textFormat: Text.PlainText
                        visible: (screen.errors["name"] ?? "") !== ""
                        text: screen.errors["name"] ?? ""
                        color: Theme.danger
                        font.pixelSize: Theme.fontSmall
                    }
                    Label {
                        textFormat: Text.PlainText
                        text: qsTr("Description")
                        color: Theme.textDim
                        font.pixelSize: Theme.fontSmall
                    }
                    // A fixed box that scrolls (a TextArea alone grows over what is below it).
                    ScrollView {
                        id: descriptionScroll
                        objectName: "descriptionScroll"
                        Layout.fillWidth: true
                        Layout.preferredHeight: 96
                        clip: true
                        ScrollBar.vertical.policy: descriptionScroll.contentHeight > descriptionScroll.height ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded

                        TextArea {
                            textFormat: TextEdit.PlainText
                            id: descriptionArea
                            objectName: "presetDescription"
                            Accessible.name: qsTr("Description")
                            wrapMode: TextEdit.Wrap
                            font.pixelSize: Theme.fontSmall + 1
                            color: Theme.text
                            placeholderText: qsTr("What is this session for?")
                            placeholderTextColor: Theme.textDim
                            text: screen.editor.description
                            onTextChanged: screen.editor.setHeader("description", descriptionArea.text)
                            background: Rectangle {
                                radius: 8
                                color: Theme.background
                                border.width: descriptionArea.activeFocus ? 2 : 1
                                border.color: descriptionArea.activeFocus ? Theme.accent : Theme.border
                            }
                        }
                    }

                    Label {
                        textFormat: Text.PlainText
                        text: qsTr("Turning around")
                        color: Theme.textDim
                        font.pixelSize: Theme.fontSmall
                    }
                    ChoiceRow {
                        objectName: "turningStyle"
                        choices: [
                            {
                                value: "",
                                label: qsTr("As in settings")
                            },
                            {
                                value: "stop",
                                label: qsTr("Stop")
                            },
                            {
                                value: "walk",
                                label: qsTr("Walk")
                            }
                        ]
                        value: screen.editor.turningStyle
                        onChosen: value => screen.editor.setHeader("turningStyle", value)
                    }
                    RowLayout {
                        spacing: 8
                        visible: screen.editor.turningStyle === "walk"
                        Label {
                            textFormat: Text.PlainText
                            text: qsTr("Walk at")
                            color: Theme.textDim
                            font.pixelSize: Theme.fontSmall
                        }
                        FormField {
                            objectName: "turningWalk"
                            Accessible.name: qsTr("Walk at")
                            Layout.preferredWidth: 90
                            placeholderText: qsTr("1.0")
                            text: screen.editor.turningWalk
                            problem: screen.errors["turningWalk"] ?? ""
                            onTextEdited: screen.editor.setHeader("turningWalk", text)
                        }
                        Label {
                            textFormat: Text.PlainText
                            text: screen.editor.speedUnit
                            color: Theme.textDim
                            font.pixelSize: Theme.fontSmall
                        }
                    }
                    RowLayout {
                        spacing: 8
                        Label {
                            textFormat: Text.PlainText
                            text: qsTr("Countdown before each turn")
                            color: Theme.textDim
                            font.pixelSize: Theme.fontSmall
                        }
                        FormField {
                            objectName: "countdown"
                            Accessible.name: qsTr("Countdown before each turn")
                            Layout.preferredWidth: 70
                            horizontalAlignment: TextInput.AlignRight
                            placeholderText: "5"
                            text: screen.editor.countdown
                            problem: screen.errors["countdown"] ?? ""
                            onTextEdited: screen.editor.setHeader("countdown", text)
                        }
                        Label {
                            textFormat: Text.PlainText
                            text: qsTr("s")
                            color: Theme.textDim
                            font.pixelSize: Theme.fontSmall
                        }
                    }
                    Label {
                        textFormat: Text.PlainText
                        objectName: "headerProblems"
                        visible: text !== ""
                        Layout.fillWidth: true
                        text: [screen.errors["turningStyle"], screen.errors["turningWalk"], screen.errors["countdown"]].concat(screen.editor.generalErrors).filter(x => !!x).join("\n")
                        color: Theme.danger
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.WordWrap
                    }

                    // The draft's timeline and totals (blank while it has problems).
                    Rectangle {
                        Layout.fillWidth: true
                        Layout.topMargin: 8
                        implicitHeight: totalsColumn.implicitHeight + 2 * Theme.gap
                        radius: Theme.radius
                        color: Theme.surface
                        ColumnLayout {
                            id: totalsColumn
                            anchors.fill: parent
                            anchors.margins: Theme.gap
                            spacing: 8
                            RowLayout {
                                spacing: Theme.gapLarge
                                ColumnLayout {
                                    spacing: 0
                                    Label {
                                        textFormat: Text.PlainText
                                        text: qsTr("TOTAL")
                                        color: Theme.textDim
                                        font.pixelSize: Theme.fontSmall - 2
                                    }
                                    Label {
                                        textFormat: Text.PlainText
                                        objectName: "editorTotal"
                                        text: screen.editor.total
                                        color: Theme.text
                                        font.pixelSize: Theme.fontTitle
                                        font.bold: true
                                    }
                                }
                                ColumnLayout {
                                    spacing: 0
                                    Label {
                                        textFormat: Text.PlainText
                                        text: qsTr("BACKWARD")
                                        color: Theme.textDim
                                        font.pixelSize: Theme.fontSmall - 2
                                    }
                                    Label {
                                        textFormat: Text.PlainText
                                        objectName: "editorBackward"
                                        text: screen.editor.backward
                                        color: Theme.backward
                                        font.pixelSize: Theme.fontTitle
                                        font.bold: true
                                    }
                                }
                            }
                            Timeline {
                                Layout.fillWidth: true
                                implicitHeight: 20
                                blocks: screen.editor.segments
                                total: {
                                    let sum = 0;
                                    for (const b of screen.editor.segments)
                                        sum += b.duration;
                                    return sum;
                                }
                            }
                            Label {
                                textFormat: Text.PlainText
                                Layout.fillWidth: true
                                text: screen.editor.capsText
                                color: Theme.textDim
                                font.pixelSize: Theme.fontSmall - 2
                                wrapMode: Text.WordWrap
                            }
                        }
                    }
                }
            }

            // ---- the phases ---------------------------------------------------------------------
            ColumnLayout {
                Layout.fillWidth: true
                Layout.fillHeight: true
                spacing: 8

                // Column heads, aligned with the fields below.
                RowLayout {
                    Layout.fillWidth: true
                    Layout.leftMargin: 8 + 6 + 8 + 34
                    Layout.rightMargin: 14 + 8 + 36 + 36 + 40 + 3 * 8
                    spacing: 8
                    Label {
                        textFormat: Text.PlainText
                        Layout.preferredWidth: screen.kindWidth - 34
                        text: qsTr("Phase")
                        color: Theme.textDim
                        font.pixelSize: Theme.fontSmall
                    }
                    Label {
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        text: qsTr("Name")
                        color: Theme.textDim
                        font.pixelSize: Theme.fontSmall
                    }
                    Label {
                        textFormat: Text.PlainText
                        Layout.preferredWidth: screen.timeWidth
                        horizontalAlignment: Text.AlignRight
                        text: qsTr("Time")
                        color: Theme.textDim
                        font.pixelSize: Theme.fontSmall
                    }
                    Label {
                        textFormat: Text.PlainText
                        Layout.preferredWidth: screen.speedWidth
                        horizontalAlignment: Text.AlignRight
                        text: screen.editor.speedUnit
                        color: Theme.textDim
                        font.pixelSize: Theme.fontSmall
                    }
                    Label {
                        textFormat: Text.PlainText
                        Layout.preferredWidth: screen.inclineWidth
                        horizontalAlignment: Text.AlignRight
                        text: qsTr("Incline %")
                        color: Theme.textDim
                        font.pixelSize: Theme.fontSmall
                    }
                }

                ListView {
                    id: stepList
                    objectName: "stepList"
                    Layout.fillWidth: true
                    Layout.fillHeight: true
                    clip: true
                    spacing: 8
                    model: screen.editor.steps
                    ScrollBar.vertical: ScrollBar {}

                    delegate: Rectangle {
                        id: stepCard
                        required property var modelData
                        required property int index

                        objectName: "step_" + stepCard.index
                        width: ListView.view.width - 14
                        implicitHeight: stepColumn.implicitHeight + 16
                        radius: Theme.radius
                        color: Theme.surface
                        border.width: stepCard.modelData.isRepeat ? 1 : 0
                        border.color: Theme.border

                        ColumnLayout {
                            id: stepColumn
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.top: parent.top
                            anchors.margins: 8
                            spacing: 6

                            RowLayout {
                                visible: stepCard.modelData.isRepeat
                                spacing: 8
                                Label {
                                    textFormat: Text.PlainText
                                    text: qsTr("Repeat")
                                    color: Theme.text
                                    font.pixelSize: Theme.fontBody
                                    font.bold: true
                                }
                                FormField {
                                    objectName: "repeat_" + stepCard.index
                                    Accessible.name: qsTr("Repeat")
                                    Layout.preferredWidth: 70
                                    horizontalAlignment: TextInput.AlignRight
                                    text: stepCard.modelData.repeat
                                    problem: screen.errors[stepCard.index + ".repeat"] ?? ""
                                    onTextEdited: screen.editor.setRepeat(stepCard.index, text)
                                }
                                Label {
                                    textFormat: Text.PlainText
                                    text: qsTr("times:")
                                    color: Theme.text
                                    font.pixelSize: Theme.fontBody
                                }
                                Label {
                                    textFormat: Text.PlainText
                                    Layout.fillWidth: true
                                    text: screen.errors[stepCard.index + ".repeat"] ?? screen.errors[String(stepCard.index)] ?? ""
                                    color: Theme.danger
                                    font.pixelSize: Theme.fontSmall
                                    elide: Text.ElideRight
                                }
                                ToolButton {
                                    objectName: "up_" + stepCard.index
                                    Accessible.name: qsTr("Move up")
                                    focusPolicy: Qt.NoFocus
                                    enabled: stepCard.index > 0
                                    text: "▲"
                                    implicitWidth: 36
                                    onClicked: screen.editor.moveStep(stepCard.index, -1)
                                }
                                ToolButton {
                                    objectName: "down_" + stepCard.index
                                    Accessible.name: qsTr("Move down")
                                    focusPolicy: Qt.NoFocus
                                    enabled: stepCard.index < screen.stepCount - 1
                                    text: "▼"
                                    implicitWidth: 36
                                    onClicked: screen.editor.moveStep(stepCard.index, 1)
                                }
                                Item {
                                    implicitWidth: 40
                                }
                            }

                            Repeater {
                                model: stepCard.modelData.phases
                                delegate: PhaseRow {
                                    required property var modelData
                                    Layout.fillWidth: true
                                    Layout.leftMargin: stepCard.modelData.isRepeat ? 24 : 0
                                    phase: modelData
                                    stepIndex: stepCard.index
                                    inGroup: stepCard.modelData.isRepeat
                                }
                            }

                            ActionButton {
                                objectName: "addToGroup_" + stepCard.index
                                visible: stepCard.modelData.isRepeat
                                Layout.leftMargin: 24 + 14
                                implicitHeight: 40
                                font.pixelSize: Theme.fontSmall
                                text: qsTr("+ Phase in the group")
                                onClicked: screen.editor.addPhaseToGroup(stepCard.index, "recovery")
                            }
                        }
                    }

                    footer: RowLayout {
                        width: ListView.view.width - 14
                        spacing: 8
                        Item {
                            implicitHeight: 8
                        }
                        ActionButton {
                            objectName: "addPhaseButton"
                            Layout.topMargin: 8
                            implicitHeight: 48
                            text: qsTr("+ Phase")
                            onClicked: addMenu.open()
                            Menu {
                                id: addMenu
                                Repeater {
                                    model: screen.editor.kinds
                                    delegate: MenuItem {
                                        required property var modelData
                                        text: modelData.label
                                        font.pixelSize: Theme.fontBody
                                        onTriggered: screen.editor.addPhase(modelData.value)
                                    }
                                }
                            }
                        }
                        ActionButton {
                            objectName: "addRepeatButton"
                            Layout.topMargin: 8
                            implicitHeight: 48
                            text: qsTr("+ Repeat group")
                            onClicked: screen.editor.addRepeat()
                        }
                        Item {
                            Layout.fillWidth: true
                        }
                    }
                }
            }
        }
    }
}
