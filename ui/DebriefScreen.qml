pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TreadmillCtl

// After every session in which the belt moved, before the summary: how hard it was (effort, RPE
// 0-10) and, for knee plans (and the presets they are built on), the knee pain during and after
// it (0-10), with an optional note. Answered in seconds from the treadmill: big buttons, or the
// keys 0-9 (each answers the highlighted question and moves on; Backspace goes back), Enter
// saves, N or "Skip" saves nothing and goes on to the summary. STOP keys stay STOP. A plan's
// gate then says what comes next (docs/plans.md).
Control {
    id: screen

    font.pixelSize: Theme.fontBody

    required property AppBridge app
    readonly property PlansBridge bridge: screen.app.plans
    readonly property var debrief: screen.bridge.debrief
    readonly property bool knee: screen.debrief.knee === true
    readonly property var questions: screen.knee ? [qsTr("Effort: how hard was it? (0 rest … 10 maximal)"), qsTr("Knee pain during the session (0 none … 10 worst)"), qsTr("Knee pain now, after it (0 none … 10 worst)")] : [qsTr("Effort: how hard was it? (0 rest … 10 maximal)")]
    property var answers: [-1, -1, -1]
    property int question: 0

    focus: true

    function answer(index: int, value: int) {
        const next = screen.answers.slice();
        next[index] = value;
        screen.answers = next;
        screen.question = Math.min(index + 1, screen.questions.length - 1);
    }
    function done() {
        screen.bridge.submitDebrief(screen.answers[0], screen.knee ? screen.answers[1] : -1, screen.knee ? screen.answers[2] : -1, noteField.text);
    }

    Keys.onPressed: event => {
        if (event.key >= Qt.Key_0 && event.key <= Qt.Key_9 && !(event.modifiers & (Qt.ControlModifier | Qt.AltModifier))) {
            screen.answer(screen.question, event.key - Qt.Key_0);
            event.accepted = true;
        } else if (event.key === Qt.Key_Backspace) {
            screen.question = Math.max(0, screen.question - 1);
            event.accepted = true;
        } else if (event.key === Qt.Key_Return || event.key === Qt.Key_Enter) {
            screen.done();
            event.accepted = true;
        } else if (event.key === Qt.Key_N && !(event.modifiers & (Qt.ControlModifier | Qt.AltModifier))) {
            screen.bridge.skipDebrief();
            event.accepted = true;
        }
    }

    ColumnLayout {
        anchors.fill: parent
        anchors.margins: Theme.gapLarge
        spacing: Theme.gap

        Label {
            textFormat: Text.PlainText
            objectName: "debriefTitle"
            Layout.fillWidth: true
            text: qsTr("How did it go?")
            color: Theme.text
            font.pixelSize: Theme.fontTitle
            font.bold: true
        }
        Label {
            textFormat: Text.PlainText
            objectName: "debriefSession"
            Layout.fillWidth: true
            text: [screen.debrief.planName ?? "", screen.debrief.title ?? ""].filter(part => part !== "").join(" — ") + (screen.debrief.completed === false ? qsTr(" (ended early)") : "")
            color: Theme.textDim
            font.pixelSize: Theme.fontSmall
            wrapMode: Text.Wrap
        }

        Repeater {
            model: screen.questions
            delegate: ColumnLayout {
                id: questionBox
                required property int index
                required property string modelData
                readonly property bool current: questionBox.index === screen.question
                Layout.fillWidth: true
                spacing: 6
                Label {
                    textFormat: Text.PlainText
                    objectName: "question_" + questionBox.index
                    Layout.fillWidth: true
                    text: (questionBox.current ? "▶ " : "") + questionBox.modelData + (screen.answers[questionBox.index] >= 0 ? "  —  " + screen.answers[questionBox.index] : "")
                    color: questionBox.current ? Theme.text : Theme.textDim
                    font.bold: questionBox.current
                    elide: Text.ElideRight
                }
                RowLayout {
                    Layout.fillWidth: true
                    spacing: 6
                    Repeater {
                        model: 11
                        delegate: ActionButton {
                            id: scoreButton
                            required property int index
                            readonly property bool chosen: screen.answers[questionBox.index] === scoreButton.index
                            objectName: "score_" + questionBox.index + "_" + scoreButton.index
                            Layout.fillWidth: true
                            implicitWidth: 60
                            implicitHeight: 60
                            leftPadding: 4
                            rightPadding: 4
                            text: String(scoreButton.index)
                            fill: scoreButton.chosen ? Theme.accent : Theme.surfaceRaised
                            textColor: scoreButton.chosen ? Theme.background : Theme.text
                            onClicked: screen.answer(questionBox.index, scoreButton.index)
                        }
                    }
                }
            }
        }

        FormField {
            id: noteField
            objectName: "debriefNote"
            Layout.fillWidth: true
            placeholderText: qsTr("A note (optional)")
            maximumLength: 500
            onAccepted: screen.done()
            Keys.onEscapePressed: screen.forceActiveFocus()
        }

        Item {
            Layout.fillHeight: true
        }

        RowLayout {
            Layout.fillWidth: true
            spacing: Theme.gap
            Label {
                textFormat: Text.PlainText
                Layout.fillWidth: true
                text: qsTr("Keys 0–9 answer, Backspace goes back, Enter saves.")
                color: Theme.textDim
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
            }
            ActionButton {
                objectName: "skipDebriefButton"
                implicitWidth: implicitContentWidth + leftPadding + rightPadding
                text: qsTr("Skip")
                keyHint: "N"
                onClicked: screen.bridge.skipDebrief()
            }
            ActionButton {
                objectName: "saveDebriefButton"
                fill: Theme.accent
                textColor: Theme.background
                text: qsTr("Save")
                keyHint: qsTr("Enter")
                onClicked: screen.done()
            }
        }
    }
}
