pragma ComponentBehavior: Bound
import QtQuick
import QtQuick.Controls
import QtQuick.Dialogs
import QtQuick.Layouts
import TreadmillCtl

// The preset library: built-ins and the user's own, each with its timeline (forward and backward
// blocks), total and backward time. Enter uses the selected preset for the next session (the belt
// does not move until Start on the session screen).
// A Control, not an Item, for its font: the Controls in this screen take their type size from
// it (the window is a plain Qt Quick Window, not a Controls ApplicationWindow; see Main.qml).
Control {
    id: screen

    font.pixelSize: Theme.fontBody

    required property AppBridge app
    readonly property PresetsBridge bridge: screen.app.presets
    readonly property var selected: screen.bridge.selected
    readonly property bool hasSelection: screen.bridge.selectedId !== ""

    focus: true

    function moveSelection(delta: int) {
        const count = presetList.count;
        if (count === 0)
            return;
        let index = presetList.currentIndex < 0 ? 0 : Math.max(0, Math.min(count - 1, presetList.currentIndex + delta));
        screen.bridge.select(screen.bridge.presets[index].id);
    }

    Keys.onReturnPressed: {
        if (screen.hasSelection)
            screen.bridge.start(screen.bridge.selectedId);
    }
    Keys.onEnterPressed: {
        if (screen.hasSelection)
            screen.bridge.start(screen.bridge.selectedId);
    }
    Keys.onUpPressed: screen.moveSelection(-1)
    Keys.onDownPressed: screen.moveSelection(1)
    Keys.onDeletePressed: {
        if (screen.hasSelection && !screen.selected.builtin)
            screen.bridge.remove(screen.bridge.selectedId);
    }

    Component.onCompleted: screen.bridge.reload()

    FileDialog {
        id: importDialog
        objectName: "importDialog"
        title: qsTr("Import a preset or a workout")
        fileMode: FileDialog.OpenFile
        nameFilters: [qsTr("Presets and workouts (*.toml *.zwo *.fit)"), qsTr("Presets (*.toml)"), qsTr("Zwift workouts (*.zwo)"), qsTr("FIT workouts (*.fit)"), qsTr("All files (*)")]
        onAccepted: screen.bridge.importFile(importDialog.selectedFile.toString())
    }

    FileDialog {
        id: exportDialog
        objectName: "exportDialog"
        title: qsTr("Export the preset")
        fileMode: FileDialog.SaveFile
        nameFilters: [qsTr("Presets (*.toml)"), qsTr("Zwift workouts (*.zwo)"), qsTr("FIT workouts (*.fit)")]
        defaultSuffix: "toml"
        onAccepted: screen.bridge.exportFile(screen.bridge.selectedId, exportDialog.selectedFile.toString())
    }

    RowLayout {
        anchors.fill: parent
        anchors.margins: Theme.gapLarge
        spacing: Theme.gapLarge

        // ---- the library ------------------------------------------------------------------------
        ColumnLayout {
            Layout.preferredWidth: 470
            Layout.maximumWidth: 470
            Layout.fillHeight: true
            spacing: Theme.gap

            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.gap
                Label {
                    textFormat: Text.PlainText
                    Layout.fillWidth: true
                    text: qsTr("Presets")
                    color: Theme.text
                    font.pixelSize: Theme.fontTitle
                    font.bold: true
                }
                ActionButton {
                    objectName: "newPresetButton"
                    implicitHeight: 48
                    implicitWidth: implicitContentWidth + leftPadding + rightPadding
                    text: qsTr("New")
                    onClicked: screen.bridge.create()
                }
                ActionButton {
                    objectName: "importButton"
                    implicitHeight: 48
                    implicitWidth: implicitContentWidth + leftPadding + rightPadding
                    text: qsTr("Import…")
                    onClicked: importDialog.open()
                }
            }

            // The Plans view: presets strung together over weeks (docs/plans.md).
            ActionButton {
                objectName: "plansViewButton"
                Layout.fillWidth: true
                implicitHeight: 48
                text: qsTr("Training plans ›")
                onClicked: screen.app.screen = "plans"
            }

            Rectangle {
                Layout.fillWidth: true
                Layout.fillHeight: true
                radius: Theme.radius
                color: Theme.surface

                ListView {
                    id: presetList
                    objectName: "presetList"
                    anchors.fill: parent
                    anchors.margins: 8
                    clip: true
                    spacing: 4
                    model: screen.bridge.presets
                    currentIndex: {
                        for (let i = 0; i < presetList.count; ++i) {
                            if (screen.bridge.presets[i].id === screen.bridge.selectedId)
                                return i;
                        }
                        return -1;
                    }
                    onCurrentIndexChanged: presetList.positionViewAtIndex(presetList.currentIndex, ListView.Contain)
                    ScrollBar.vertical: ScrollBar {}

                    section.property: "builtin"
                    section.delegate: Label {
                        textFormat: Text.PlainText
                        required property string section
                        width: ListView.view.width
                        topPadding: 10
                        bottomPadding: 4
                        leftPadding: 8
                        text: section === "true" ? qsTr("BUILT-IN") : qsTr("YOUR PRESETS")
                        color: Theme.textDim
                        font.pixelSize: Theme.fontSmall - 2
                        font.bold: true
                        font.letterSpacing: 1
                    }

                    delegate: Rectangle {
                        id: presetRow
                        required property var modelData
                        readonly property bool current: presetRow.modelData.id === screen.bridge.selectedId

                        objectName: "preset_" + presetRow.modelData.id
                        Accessible.role: Accessible.ListItem
                        Accessible.name: presetRow.modelData.name
                        width: ListView.view.width
                        implicitHeight: rowColumn.implicitHeight + 20
                        radius: Theme.radius - 2
                        color: presetRow.current ? Theme.surfaceRaised : "transparent"
                        border.width: presetRow.current ? 2 : 0
                        border.color: Theme.accent

                        TapHandler {
                            onTapped: screen.bridge.select(presetRow.modelData.id)
                            onDoubleTapped: screen.bridge.start(presetRow.modelData.id)
                        }

                        ColumnLayout {
                            id: rowColumn
                            anchors.left: parent.left
                            anchors.right: parent.right
                            anchors.verticalCenter: parent.verticalCenter
                            anchors.leftMargin: 12
                            anchors.rightMargin: 12
                            spacing: 6

                            RowLayout {
                                spacing: 8
                                Label {
                                    textFormat: Text.PlainText
                                    Layout.fillWidth: true
                                    text: presetRow.modelData.name
                                    color: Theme.text
                                    font.pixelSize: Theme.fontBody
                                    font.bold: true
                                    wrapMode: Text.Wrap
                                }
                                Tag {
                                    visible: presetRow.modelData.suggested
                                    text: qsTr("SUGGESTED NEXT")
                                    fill: Theme.ok
                                }
                                Label {
                                    textFormat: Text.PlainText
                                    text: presetRow.modelData.total
                                    color: Theme.textDim
                                    font.pixelSize: Theme.fontSmall
                                }
                            }
                            Timeline {
                                Layout.fillWidth: true
                                implicitHeight: 12
                                blocks: presetRow.modelData.segments
                                total: presetRow.modelData.totalS
                            }
                            Label {
                                textFormat: Text.PlainText
                                text: presetRow.modelData.blocksText
                                color: Theme.textDim
                                font.pixelSize: Theme.fontSmall - 1
                            }
                        }
                    }
                }
            }

            Label {
                textFormat: Text.PlainText
                objectName: "presetProblems"
                visible: screen.bridge.problemsText !== ""
                Layout.fillWidth: true
                text: screen.bridge.problemsText
                color: Theme.warning
                font.pixelSize: Theme.fontSmall - 1
                wrapMode: Text.WrapAnywhere
                maximumLineCount: 4
                elide: Text.ElideRight
            }
        }

        // ---- the selected preset ----------------------------------------------------------------
        ColumnLayout {
            Layout.fillWidth: true
            Layout.fillHeight: true
            spacing: Theme.gap

            // The progression's suggestion after the last completed session.
            Rectangle {
                objectName: "suggestionCard"
                visible: screen.bridge.suggestedName !== ""
                Layout.fillWidth: true
                implicitHeight: suggestionRow.implicitHeight + 2 * 6
                radius: Theme.radius
                color: Theme.surface
                border.width: 2
                border.color: Theme.ok

                RowLayout {
                    id: suggestionRow
                    anchors.fill: parent
                    anchors.leftMargin: Theme.gap
                    anchors.rightMargin: 6
                    anchors.topMargin: 6
                    anchors.bottomMargin: 6
                    spacing: Theme.gap
                    // The name and the reason come from preset files: plain text, two labels
                    // (no markup mixed with them), wrapped rather than cut.
                    ColumnLayout {
                        Layout.fillWidth: true
                        spacing: 0
                        Label {
                            objectName: "suggestionText"
                            Layout.fillWidth: true
                            textFormat: Text.PlainText
                            text: qsTr("Suggested next: %1").arg(screen.bridge.suggestedName)
                            color: Theme.text
                            font.pixelSize: Theme.fontSmall
                            font.bold: true
                            wrapMode: Text.Wrap
                        }
                        Label {
                            objectName: "suggestionReason"
                            Layout.fillWidth: true
                            visible: screen.bridge.suggestionReason !== ""
                            textFormat: Text.PlainText
                            text: screen.bridge.suggestionReason
                            color: Theme.textDim
                            font.pixelSize: Theme.fontSmall
                            wrapMode: Text.Wrap
                        }
                    }
                    ActionButton {
                        objectName: "saveSuggestionButton"
                        visible: screen.bridge.suggestionIsNew
                        implicitHeight: 44
                        font.pixelSize: Theme.fontSmall
                        text: qsTr("Save as my preset")
                        onClicked: screen.bridge.saveSuggestion()
                    }
                    ActionButton {
                        objectName: "showSuggestionButton"
                        visible: !screen.bridge.suggestionIsNew && screen.bridge.suggestedId !== screen.bridge.selectedId
                        implicitHeight: 44
                        font.pixelSize: Theme.fontSmall
                        text: qsTr("Show")
                        onClicked: screen.bridge.select(screen.bridge.suggestedId)
                    }
                }
            }

            Rectangle {
                objectName: "presetDetail"
                Layout.fillWidth: true
                Layout.fillHeight: true
                radius: Theme.radius
                color: Theme.surface

                Label {
                    textFormat: Text.PlainText
                    anchors.centerIn: parent
                    visible: !screen.hasSelection
                    text: qsTr("Choose a preset on the left.")
                    color: Theme.textDim
                    font.pixelSize: Theme.fontBody
                }

                ColumnLayout {
                    visible: screen.hasSelection
                    anchors.fill: parent
                    anchors.margins: Theme.gapLarge
                    spacing: Theme.gap

                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.gap
                        Label {
                            textFormat: Text.PlainText
                            objectName: "presetTitle"
                            Layout.fillWidth: true
                            text: screen.selected.name ?? ""
                            color: Theme.text
                            font.pixelSize: Theme.fontTitle
                            font.bold: true
                            fontSizeMode: Text.HorizontalFit
                            minimumPixelSize: Theme.fontBody
                            elide: Text.ElideRight
                        }
                        Tag {
                            text: screen.selected.builtin ? qsTr("BUILT-IN") : qsTr("YOURS")
                        }
                    }

                    // A long description scrolls, and says so: its scroll bar shows whenever
                    // there is more than fits.
                    ScrollView {
                        id: descriptionView
                        objectName: "descriptionView"
                        Layout.fillWidth: true
                        Layout.fillHeight: true
                        Layout.minimumHeight: 60
                        clip: true
                        contentWidth: availableWidth
                        ScrollBar.vertical.policy: descriptionView.contentHeight > descriptionView.height ? ScrollBar.AlwaysOn : ScrollBar.AsNeeded

                        Label {
                            textFormat: Text.PlainText
                            objectName: "presetDescription"
                            width: descriptionView.availableWidth - (descriptionView.ScrollBar.vertical.visible ? descriptionView.ScrollBar.vertical.width + 4 : 0)
                            text: screen.selected.description || qsTr("No description.")
                            color: Theme.textDim
                            font.pixelSize: Theme.fontBody - 1
                            lineHeight: 1.15
                            wrapMode: Text.WordWrap
                        }
                    }

                    Timeline {
                        objectName: "presetTimeline"
                        Layout.fillWidth: true
                        implicitHeight: 44
                        blocks: screen.selected.segments ?? []
                        total: screen.selected.totalS ?? 0
                    }
                    RowLayout {
                        spacing: Theme.gapLarge
                        Repeater {
                            model: [
                                {
                                    direction: "forward",
                                    word: qsTr("Forward")
                                },
                                {
                                    direction: "backward",
                                    word: qsTr("Backward")
                                }
                            ]
                            delegate: RowLayout {
                                id: legendItem
                                required property var modelData
                                spacing: 6
                                DirectionIcon {
                                    direction: legendItem.modelData.direction
                                    implicitWidth: 18
                                    implicitHeight: 18
                                }
                                Label {
                                    textFormat: Text.PlainText
                                    text: legendItem.modelData.word
                                    color: Theme.textDim
                                    font.pixelSize: Theme.fontSmall
                                }
                            }
                        }
                    }

                    RowLayout {
                        Layout.fillWidth: true
                        spacing: Theme.gap
                        StatTile {
                            objectName: "totalTile"
                            Layout.fillWidth: true
                            Layout.preferredWidth: 10
                            caption: qsTr("Total")
                            // The whole session's estimate (turn-arounds, ramps, countdowns).
                            value: screen.selected.total ?? ""
                            detail: screen.selected.atSpeed ? qsTr("%1 at speed").arg(screen.selected.atSpeed) : ""
                            valueSize: Theme.fontTitle
                            color: Theme.surfaceRaised
                        }
                        StatTile {
                            objectName: "backwardTile"
                            Layout.fillWidth: true
                            Layout.preferredWidth: 14
                            caption: qsTr("Backward")
                            value: screen.selected.backward ?? ""
                            unit: screen.selected.blocks > 0 ? qsTr("in %1").arg(screen.selected.blocksShort) : ""
                            valueSize: Theme.fontTitle
                            color: Theme.surfaceRaised
                        }
                        StatTile {
                            objectName: "speedTile"
                            Layout.fillWidth: true
                            Layout.preferredWidth: 10
                            caption: qsTr("Backward at")
                            value: screen.selected.backwardSpeed ?? ""
                            unit: screen.selected.blocks > 0 ? (screen.selected.speedUnit ?? "") : ""
                            valueSize: Theme.fontTitle
                            color: Theme.surfaceRaised
                        }
                    }

                    RowLayout {
                        Layout.fillWidth: true
                        spacing: 10
                        ActionButton {
                            objectName: "usePresetButton"
                            Layout.fillWidth: true
                            text: qsTr("Use this preset")
                            keyHint: qsTr("Enter")
                            fill: Theme.accent
                            textColor: Theme.background
                            onClicked: screen.bridge.start(screen.bridge.selectedId)
                        }
                        ActionButton {
                            objectName: "editButton"
                            font.pixelSize: Theme.fontSmall
                            leftPadding: 14
                            rightPadding: 14
                            implicitWidth: implicitContentWidth + leftPadding + rightPadding
                            text: screen.selected.builtin ? qsTr("Edit a copy") : qsTr("Edit")
                            onClicked: screen.bridge.edit(screen.bridge.selectedId)
                        }
                        ActionButton {
                            objectName: "duplicateButton"
                            font.pixelSize: Theme.fontSmall
                            leftPadding: 14
                            rightPadding: 14
                            implicitWidth: implicitContentWidth + leftPadding + rightPadding
                            text: qsTr("Duplicate")
                            onClicked: screen.bridge.duplicate(screen.bridge.selectedId)
                        }
                        ActionButton {
                            objectName: "exportButton"
                            font.pixelSize: Theme.fontSmall
                            leftPadding: 14
                            rightPadding: 14
                            implicitWidth: implicitContentWidth + leftPadding + rightPadding
                            text: qsTr("Export…")
                            onClicked: {
                                // In the documents folder, with the file name filled in.
                                exportDialog.currentFolder = screen.bridge.exportFolderUrl();
                                exportDialog.selectedFile = screen.bridge.exportUrl(screen.bridge.selectedId);
                                exportDialog.open();
                            }
                        }
                        ActionButton {
                            objectName: "deleteButton"
                            visible: !(screen.selected.builtin ?? true)
                            font.pixelSize: Theme.fontSmall
                            leftPadding: 14
                            rightPadding: 14
                            implicitWidth: implicitContentWidth + leftPadding + rightPadding
                            text: qsTr("Delete")
                            keyHint: qsTr("Del")
                            textColor: Theme.danger
                            onClicked: screen.bridge.remove(screen.bridge.selectedId)
                        }
                    }
                }
            }

            // Undo for the last deletion.
            Rectangle {
                objectName: "undoBar"
                visible: screen.bridge.canUndo
                Layout.fillWidth: true
                implicitHeight: 64
                radius: Theme.radius
                color: Theme.surfaceRaised

                RowLayout {
                    anchors.fill: parent
                    anchors.leftMargin: Theme.gap
                    anchors.rightMargin: 8
                    Label {
                        textFormat: Text.PlainText
                        Layout.fillWidth: true
                        text: screen.bridge.undoText
                        color: Theme.text
                        font.pixelSize: Theme.fontBody
                        elide: Text.ElideRight
                    }
                    ActionButton {
                        objectName: "undoButton"
                        implicitHeight: 48
                        text: qsTr("Undo")
                        fill: Theme.accent
                        textColor: Theme.background
                        onClicked: screen.bridge.undo()
                    }
                }
            }
        }
    }
}
