pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TreadmillCtl

// The Presets screen's Plans view: the training plans (multi-week, gated by how the session went),
// the current plan with today's session, the weeks done (adherence), the next step and why.
// Enter runs today's session (the belt does not move until Start on the session screen); the
// debrief screen follows it. docs/plans.md.
Control {
    id: screen

    font.pixelSize: Theme.fontBody

    required property AppBridge app
    readonly property PlansBridge bridge: screen.app.plans
    readonly property var current: screen.bridge.current
    readonly property bool hasPlan: screen.current.name !== undefined

    focus: true
    Keys.onReturnPressed: screen.runToday()
    Keys.onEnterPressed: screen.runToday()
    Keys.onBackPressed: screen.app.screen = "presets"

    function runToday() {
        if (screen.hasPlan && !screen.current.finished)
            screen.bridge.runToday();
    }

    Component.onCompleted: screen.bridge.refresh()

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.gapLarge
        spacing: Theme.gapLarge

        // ---- the plans --------------------------------------------------------------------------
        ColumnLayout {
            Layout.preferredWidth: 420
            Layout.maximumWidth: 420
            Layout.fillHeight: true
            spacing: Theme.gap

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.gap
                Label {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    text: qsTr("Plans")
                    color: Theme.text
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                }
                ActionButton {
                    objectName: "presetsViewButton"
                    implicitHeight: 48
                    implicitWidth: implicitContentWidth + leftPadding + rightPadding
                    text: qsTr("Presets")
                    onClicked: screen.app.screen = "presets"
                }
            }

            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                radius: Theme.radius
                color: Theme.surface

                ListView {
                    id: planList
                    objectName: "planList"
                    anchors.fill: parent
                    anchors.margins: 8
                    clip: true
                    spacing: 6
                    model: screen.bridge.plans
                    ScrollBar.vertical: ScrollBar {}

                    delegate: Rectangle {
                        id: planRow
                        required property var modelData
                        objectName: "plan_" + planRow.modelData.id
                        width: ListView.view.width
                        implicitHeight: planColumn.implicitHeight + 20
                        radius: Theme.radius - 2
                        color: planRow.modelData.current ? Theme.surfaceRaised : "transparent"
                        border.width: planRow.modelData.current ? 2 : 1
                        border.color: planRow.modelData.current ? Theme.accent : Theme.border

                        ColumnLayout {
                            id: planColumn
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.verticalCenter: parent.verticalCenter
                            anchors.leftMargin: 12
                            anchors.rightMargin: 12
                            spacing: 6
                            Label {
                                textFormat: Text.PlainText
                                Layout.fillWidth: true
                                text: planRow.modelData.name
                                color: Theme.text
                                font.bold: true
                                wrapMode: Text.Wrap
                            }
                            Label {
                                textFormat: Text.PlainText
                                Layout.fillWidth: true
                                text: planRow.modelData.weeksText + (planRow.modelData.knee ? qsTr(" · asks about knee pain") : "")
                                color: Theme.textDim
                                font.pixelSize: Theme.fontSmall
                                wrapMode: Text.Wrap
                            }
                            ActionButton {
                                objectName: "startPlan_" + planRow.modelData.id
                                visible: !planRow.modelData.current
                                implicitHeight: 48
                                implicitWidth: implicitContentWidth + leftPadding + rightPadding
                                text: screen.hasPlan ? qsTr("Switch to this plan") : qsTr("Start this plan")
                                onClicked: screen.bridge.start(planRow.modelData.id)
                            }
                        }
                    }
                }
            }
        }

        // ---- the current plan -------------------------------------------------------------------
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.gap

            Label {
                textFormat: Text.PlainText
                objectName: "noPlan"
                visible: !screen.hasPlan
                Layout.fillWidth: true
                text: screen.current.missing !== undefined ? qsTr("The current plan “%1” cannot be read any more: start another one.").arg(screen.current.missing) : qsTr("No plan yet. Pick one on the left: it suggests a session each time, and moves on only when the last one went well.")
                color: Theme.textDim
                wrapMode: Text.Wrap
            }

            Label {
                textFormat: Text.PlainText
                objectName: "planName"
                visible: screen.hasPlan
                Layout.fillWidth: true
                text: screen.current.name ?? ""
                color: Theme.text
                font.pixelSize: Theme.fontTitle
                font.bold: true
                wrapMode: Text.Wrap
            }
            Label {
                textFormat: Text.PlainText
                objectName: "planWeeks"
                visible: screen.hasPlan
                Layout.fillWidth: true
                text: (screen.current.stepText ?? "") + " · " + (screen.current.weeksText ?? "")
                color: Theme.textDim
                font.pixelSize: Theme.fontSmall
                wrapMode: Text.Wrap
            }

            Rectangle {
                visible: screen.hasPlan
                Layout.fillWidth: true
                implicitHeight: todayColumn.implicitHeight + 2 * Theme.gap
                radius: Theme.radius
                color: Theme.surface
                border.width: 2
                border.color: screen.current.seeProfessional === true ? Theme.warning : Theme.accent

                ColumnLayout {
                    id: todayColumn
                    anchors.left: parent.left
                    anchors.right: parent.right
                    anchors.top: parent.top
                    anchors.margins: Theme.gap
                    spacing: 6
                    Label {
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        text: screen.current.finished === true ? qsTr("PLAN COMPLETE") : qsTr("TODAY")
                        color: Theme.textDim
                        font.pixelSize: Theme.fontSmall - 2
                        font.bold: true
                        font.letterSpacing: 1
                    }
                    Label {
                        textFormat: Text.PlainText
                        objectName: "todayTitle"
                        Layout.fillWidth: true
                        text: screen.current.todayTitle ?? ""
                        color: Theme.text
                        font.bold: true
                        wrapMode: Text.Wrap
                    }
                    Label {
                        textFormat: Text.PlainText
                        objectName: "todayDetail"
                        Layout.fillWidth: true
                        text: screen.current.todayDetail ?? ""
                        color: Theme.textDim
                        font.pixelSize: Theme.fontSmall
                        wrapMode: Text.Wrap
                    }
                    Label {
                        textFormat: Text.PlainText
                        objectName: "nextTime"
                        Layout.fillWidth: true
                        text: screen.current.nextTime ?? ""
                        color: screen.current.seeProfessional === true ? Theme.warning : Theme.text
                        wrapMode: Text.Wrap
                    }
                    RowLayout {
                        spacing: Theme.gap
                        ActionButton {
                            objectName: "runTodayButton"
                            enabled: screen.current.finished !== true
                            fill: Theme.accent
                            textColor: Theme.background
                            text: qsTr("Run today's session")
                            keyHint: qsTr("Enter")
                            onClicked: screen.runToday()
                        }
                        ActionButton {
                            objectName: "stopPlanButton"
                            implicitWidth: implicitContentWidth + leftPadding + rightPadding
                            text: qsTr("Stop the plan")
                            onClicked: screen.bridge.stop()
                        }
                    }
                }
            }

            Rectangle {
                visible: screen.hasPlan
                Layout.fillWidth: true
                Layout.fillHeight: true
                radius: Theme.radius
                color: Theme.surface

                ListView {
                    id: stepList
                    objectName: "stepList"
                    anchors.fill: parent
                    anchors.margins: 8
                    clip: true
                    spacing: 2
                    model: screen.current.steps ?? []
                    ScrollBar.vertical: ScrollBar {}
                    delegate: RowLayout {
                        id: stepRow
                        required property var modelData
                        width: ListView.view.width
                        spacing: Theme.gap
                        Label {
                            textFormat: Text.PlainText
                            Layout.preferredWidth: 40
                            text: stepRow.modelData.state === "done" ? "✓" : String(stepRow.modelData.number)
                            color: stepRow.modelData.state === "today" ? Theme.accent : Theme.textDim
                            font.bold: true
                            horizontalAlignment: Text.AlignHCenter
                        }
                        Label {
                            textFormat: Text.PlainText
                            Layout.fillWidth: true
                            text: stepRow.modelData.title + " — " + stepRow.modelData.detail
                            color: stepRow.modelData.state === "today" ? Theme.text : Theme.textDim
                            font.pixelSize: Theme.fontSmall
                            font.bold: stepRow.modelData.state === "today"
                            wrapMode: Text.Wrap
                        }
                    }
                }
            }
            Item {
                visible: !screen.hasPlan
                Layout.fillHeight: true
            }
        }
    }
}
