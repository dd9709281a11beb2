pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import TreadmillCtl

// After a session: how it ended ("Session complete" only with nothing skipped or stopped, else
// "Ended early" and why), time moving forward and backward, distance, blocks done out of planned,
// and the preset suggested for next time (the progression: longer blocks, then more blocks, never
// faster; after an early end, the same again). The numbers are the history's too (statistics.py).
// A Control, not an Item, for its font: the Controls in this screen take their type size from
// it (the window is a plain Qt Quick Window, not a Controls ApplicationWindow; see Main.qml).
Control {
    id: screen

    font.pixelSize: Theme.fontBody

    required property AppBridge app
    readonly property var summary: screen.app.session.summary
    readonly property PresetsBridge presets: screen.app.presets
    readonly property PlansBridge plans: screen.app.plans
    readonly property bool complete: screen.summary.complete === true

    focus: true
    Keys.onReturnPressed: screen.app.screen = "presets"
    Keys.onEnterPressed: screen.app.screen = "presets"

    Component.onCompleted: {
        if (screen.summary.presetId !== undefined)
            screen.presets.sessionEnded(screen.summary.presetId, screen.summary.progressionReason);
    }

    // Scrolls when a debrief row and a long list of what happened need more than the window's
    // height (the headline and the numbers stay at the top).
    Flickable {
        id: summaryScroll
        objectName: "summaryScroll"
        anchors.fill: parent
        anchors.margins: Theme.gapLarge
        contentWidth: width
        contentHeight: summaryColumn.implicitHeight
        clip: true
        boundsBehavior: Flickable.StopAtBounds
        ScrollBar.vertical: ScrollBar {
            policy: summaryScroll.contentHeight > summaryScroll.height ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded
        }

        ColumnLayout {
            id: summaryColumn
            width: summaryScroll.width
            height: Math.max(implicitHeight, summaryScroll.height)
            spacing: Theme.gapLarge

            // ---- how it ended -------------------------------------------------------------------
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.gapLarge

                Rectangle {
                    Layout.preferredWidth: 96
                    Layout.preferredHeight: 96
                    radius: 48
                    color: screen.complete ? Theme.ok : Theme.warning
                    Label {
                        textFormat: Text.PlainText
                        anchors.centerIn: parent
                        text: screen.complete ? "✓" : "■"
                        color: Theme.background
                        font.pixelSize: 56
                        font.bold: true
                    }
                }
                ColumnLayout {
                    Layout.fillWidth: true
                    spacing: 2
                    Label {
                        textFormat: Text.PlainText
                        objectName: "summaryHeadline"
                        Layout.fillWidth: true
                        text: screen.summary.endText ?? qsTr("No session yet")
                        color: Theme.text
                        font.pixelSize: Theme.fontLarge + 4
                        font.bold: true
                        elide: Text.ElideRight
                    }
                    Label {
                        textFormat: Text.PlainText
                        objectName: "summaryWhy"
                        Layout.fillWidth: true
                        visible: text !== ""
                        text: screen.summary.endDetail ?? ""
                        color: Theme.warning
                        font.pixelSize: Theme.fontBody
                        wrapMode: Text.WordWrap
                    }
                    Label {
                        textFormat: Text.PlainText
                        objectName: "summaryPreset"
                        Layout.fillWidth: true
                        text: screen.summary.presetName ?? ""
                        color: Theme.textDim
                        font.pixelSize: Theme.fontTitle - 6
                        elide: Text.ElideRight
                    }
                }
                ActionButton {
                    objectName: "historyButton"
                    text: qsTr("History")
                    onClicked: screen.app.screen = "history"
                }
                ActionButton {
                    objectName: "presetsButton"
                    text: qsTr("Presets")
                    keyHint: qsTr("Enter")
                    onClicked: screen.app.screen = "presets"
                }
            }

            // ---- the numbers ----------------------------------------------------------------------
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.gap

                StatTile {
                    objectName: "summaryForward"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 10
                    caption: qsTr("Forward")
                    value: screen.summary.forwardText ?? "–"
                    detail: qsTr("belt moving")
                }
                StatTile {
                    objectName: "summaryBackward"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 10
                    caption: qsTr("Backward")
                    value: screen.summary.backwardText ?? "–"
                    detail: screen.summary.backwardDistanceText !== undefined ? qsTr("belt moving · %1").arg(screen.summary.backwardDistanceText) : qsTr("belt moving")
                    border.width: 3
                    border.color: Theme.backward
                }
                StatTile {
                    objectName: "summaryDistance"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 10
                    caption: qsTr("Distance")
                    value: screen.summary.distanceText ?? "–"
                    detail: qsTr("in %1").arg(screen.summary.elapsedText ?? "–")
                }
                StatTile {
                    objectName: "summaryBlocks"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 10
                    caption: qsTr("Backward blocks")
                    value: screen.summary.blocksDone !== undefined ? screen.summary.blocksDone + " / " + screen.summary.blocksTotal : "–"
                    detail: screen.summary.blocksDone !== undefined && screen.summary.blocksDone === screen.summary.blocksTotal ? qsTr("all done") : qsTr("done of planned")
                }
            }

            // ---- a training plan's word on it, or a debrief for any other session (docs/plans.md) ---
            RowLayout {
                Layout.fillWidth: true
                visible: screen.plans.verdict !== "" || screen.plans.canDebriefLast
                spacing: Theme.gap
                Label {
                    textFormat: Text.PlainText
                    objectName: "planVerdict"
                    Layout.fillWidth: true
                    text: screen.plans.verdict !== "" ? screen.plans.verdict : qsTr("How did it go? A short debrief keeps your effort and knee with this session.")
                    color: screen.plans.verdict !== "" ? Theme.text : Theme.textDim
                    wrapMode: Text.WordWrap
                }
                ActionButton {
                    objectName: "debriefButton"
                    visible: screen.plans.canDebriefLast
                    text: qsTr("Debrief")
                    onClicked: screen.plans.debriefLast()
                }
            }

            // ---- what next, and what happened (link drops, machine stops, skips...; as the History
            // lists them) beside it, as tall as it, scrolling when there is more ---------------------
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.gap

                Rectangle {
                    id: nextCard
                    objectName: "nextCard"
                    Layout.fillWidth: true
                    Layout.preferredWidth: 10
                    Layout.alignment: Qt.AlignTop
                    implicitHeight: nextColumn.implicitHeight + 2 * Theme.gapLarge
                    radius: Theme.radius
                    color: Theme.surface
                    border.width: screen.presets.suggestedName !== "" ? 2 : 0
                    border.color: Theme.ok

                    ColumnLayout {
                        id: nextColumn
                        anchors.fill: parent
                        anchors.margins: Theme.gapLarge
                        spacing: 8

                        Label {
                            textFormat: Text.PlainText
                            text: qsTr("NEXT TIME")
                            color: Theme.textDim
                            font.pixelSize: Theme.fontSmall
                            font.letterSpacing: 1
                        }
                        Label {
                            textFormat: Text.PlainText
                            objectName: "nextName"
                            Layout.fillWidth: true
                            text: screen.presets.suggestedName !== "" ? screen.presets.suggestedName : qsTr("Repeat what you did, or pick a preset.")
                            color: Theme.text
                            font.pixelSize: Theme.fontTitle
                            font.bold: true
                            elide: Text.ElideRight
                        }
                        Label {
                            textFormat: Text.PlainText
                            objectName: "nextReason"
                            visible: screen.presets.suggestionReason !== ""
                            Layout.fillWidth: true
                            text: screen.presets.suggestionReason
                            color: Theme.textDim
                            font.pixelSize: Theme.fontBody
                            wrapMode: Text.WordWrap
                        }
                        RowLayout {
                            visible: screen.presets.suggestedName !== ""
                            spacing: Theme.gap
                            ActionButton {
                                objectName: "useNextButton"
                                text: screen.presets.suggestionIsNew ? qsTr("Save it and use it") : qsTr("Use it now")
                                fill: Theme.accent
                                textColor: Theme.background
                                onClicked: screen.presets.useSuggestion()
                            }
                            ActionButton {
                                objectName: "saveNextButton"
                                visible: screen.presets.suggestionIsNew
                                text: qsTr("Save as my preset")
                                onClicked: screen.presets.saveSuggestion()
                            }
                        }
                    }
                }

                SessionNotices {
                    Layout.fillWidth: true
                    Layout.preferredWidth: 10
                    Layout.preferredHeight: nextCard.implicitHeight
                    Layout.alignment: Qt.AlignTop
                    notices: screen.summary.notices ?? []
                }
            }

            Item {
                Layout.fillHeight: true
            }
        }
    }
}
