; Inno Setup 6 script: installs the PyInstaller bundle built from
; packaging/sjsref.spec on Windows 10/11 x64. Build (from the repository root,
; see packaging/windows/build.ps1):
;   python packaging\icons.py --ico build\icons\sjsref.ico
;   $env:SJSREF_ICON = "build\icons\sjsref.ico"; pyinstaller --noconfirm --clean packaging\sjsref.spec
;   iscc /DAppVersion=<version from pyproject.toml> packaging\windows\sjsref.iss
; Paths below are relative to this file.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=x.y.z sjsref.iss
#endif

[Setup]
; Never change AppId: Windows uses it to find the installed copy to upgrade.
AppId={{6F0B7C52-3E0A-4B7B-9C55-1D2A8E4F3B61}
AppName=SJSRef
AppVersion={#AppVersion}
AppVerName=SJSRef {#AppVersion}
AppPublisher=SJSRef maintainers
DefaultDirName={autopf}\SJSRef
DisableProgramGroupPage=yes
; Installs per user without administrator rights (locked-down workstations);
; an administrator can choose "all users" in the dialog.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\build\windows
OutputBaseFilename=sjsref-{#AppVersion}-setup-x64
SetupIconFile=..\..\build\icons\sjsref.ico
UninstallDisplayIcon={app}\sjsref.exe
UninstallDisplayName=SJSRef {#AppVersion}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole one-folder bundle: sjsref.exe (window), sjsref-cli.exe (command
; line) and _internal\ (Python, Qt, resources with MANIFEST.sha256).
Source: "..\..\dist\sjsref\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\SJSRef"; Filename: "{app}\sjsref.exe"; Comment: "Offline SJS/TEN reference and bedside calculators"
Name: "{autodesktop}\SJSRef"; Filename: "{app}\sjsref.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\sjsref.exe"; Description: "{cm:LaunchProgram,SJSRef}"; Flags: nowait postinstall skipifsilent

[InstallDelete]
; An upgrade replaces the bundle wholesale: files dropped from a newer
; bundle must not linger (the content manifest would report them).
Type: filesandordirs; Name: "{app}\_internal"
