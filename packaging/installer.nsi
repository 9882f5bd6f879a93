; Per-user installer of delegation-app (no administrator rights): installs the PyInstaller folder
; build into %LOCALAPPDATA%\Programs\delegation-app, a Start-menu shortcut and, if chosen, one on
; the desktop, and an uninstaller registered under HKCU. The user's data lives elsewhere
; (%LOCALAPPDATA%\delegation-app) and is never touched: an upgrade installs over the old version,
; an uninstall removes only the program.
;
; Built by packaging/build.py --installer:
;   makensis -DVERSION=0.1.0 -DSOURCE_DIR=dist\delegation-app -DOUTFILE=dist\setup.exe -DICON=app.ico installer.nsi
; Silent install for IT:   delegation-app-setup-VERSION.exe /S [/D=C:\Other\Folder]
; Silent uninstall:        "%LOCALAPPDATA%\Programs\delegation-app\uninstall.exe" /S

Unicode true
Target amd64-unicode
RequestExecutionLevel user
!ifdef FAST  ; the Linux check of the script (packaging/build.py off Windows): no time on compression
  SetCompress off
!else
  SetCompressor /SOLID lzma
!endif
ManifestDPIAware true

!ifndef VERSION
  !error "VERSION is not defined (build with packaging/build.py --installer)"
!endif
!ifndef SOURCE_DIR
  !error "SOURCE_DIR is not defined"
!endif

!define APP_ID "delegation-app"
!define APP_NAME "Delegationsbesuche"
!define PUBLISHER "delegation_app team"
!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_ID}"
!define GUI_EXE "delegation-app-gui.exe"

Name "${APP_NAME}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\${APP_ID}"
InstallDirRegKey HKCU "Software\${APP_ID}" "InstallDir"
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION}.0"
VIAddVersionKey /LANG=0 "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=0 "FileDescription" "${APP_NAME} – Installation"
VIAddVersionKey /LANG=0 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=0 "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=0 "LegalCopyright" "${PUBLISHER}"

!include "MUI2.nsh"
!ifdef ICON
  !define MUI_ICON "${ICON}"
  !define MUI_UNICON "${ICON}"
!endif
!define MUI_ABORTWARNING
!define MUI_FINISHPAGE_RUN "$INSTDIR\${GUI_EXE}"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES

; The first language is the default; Windows' display language picks between them.
!insertmacro MUI_LANGUAGE "German"
!insertmacro MUI_LANGUAGE "English"

LangString SecProgram ${LANG_GERMAN} "Programm"
LangString SecProgram ${LANG_ENGLISH} "Program"
LangString SecDesktop ${LANG_GERMAN} "Verknüpfung auf dem Desktop"
LangString SecDesktop ${LANG_ENGLISH} "Desktop shortcut"
LangString DescProgram ${LANG_GERMAN} "Das Programm und die Verknüpfung im Startmenü."
LangString DescProgram ${LANG_ENGLISH} "The program and its Start-menu shortcut."
LangString DescDesktop ${LANG_GERMAN} "Eine Verknüpfung auf dem Desktop."
LangString DescDesktop ${LANG_ENGLISH} "A shortcut on the desktop."
LangString StillRunning ${LANG_GERMAN} "${APP_NAME} läuft noch. Bitte schließen Sie das Programm und klicken Sie dann auf OK."
LangString StillRunning ${LANG_ENGLISH} "${APP_NAME} is still running. Please close it, then click OK."

Function .onInit
  SetShellVarContext current
FunctionEnd

Function un.onInit
  SetShellVarContext current
FunctionEnd

Section "!$(SecProgram)" SecProgramId
  SectionIn RO
  SetOutPath "$INSTDIR"
  ; An upgrade replaces the program's own files only; the old library folder goes first so no
  ; module of the previous version is left behind. A running program locks its files: ask.
  retry:
    ClearErrors
    RMDir /r "$INSTDIR\_internal"
    IfErrors 0 +3
      MessageBox MB_OKCANCEL|MB_ICONEXCLAMATION "$(StillRunning)" /SD IDCANCEL IDOK retry
      Abort
  File /r "${SOURCE_DIR}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"
  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0
  WriteRegStr HKCU "Software\${APP_ID}" "InstallDir" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\${GUI_EXE}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
SectionEnd

Section /o "$(SecDesktop)" SecDesktopId
  CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${GUI_EXE}" "" "$INSTDIR\${GUI_EXE}" 0
SectionEnd

!insertmacro MUI_FUNCTION_DESCRIPTION_BEGIN
  !insertmacro MUI_DESCRIPTION_TEXT ${SecProgramId} "$(DescProgram)"
  !insertmacro MUI_DESCRIPTION_TEXT ${SecDesktopId} "$(DescDesktop)"
!insertmacro MUI_FUNCTION_DESCRIPTION_END

Section "Uninstall"
  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\delegation-app.exe"
  Delete "$INSTDIR\${GUI_EXE}"
  Delete "$INSTDIR\uninstall.exe"
!ifdef FAST  ; the Linux check's bundle has no .exe suffixes
  Delete "$INSTDIR\delegation-app"
  Delete "$INSTDIR\delegation-app-gui"
!endif
  RMDir "$INSTDIR"
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DeleteRegKey HKCU "Software\${APP_ID}"
SectionEnd
