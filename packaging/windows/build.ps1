# Build the Windows installer from the repository root:
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build.ps1
# Needs: the project's venv (.venv) and Inno Setup 6 (iscc.exe on PATH).
$ErrorActionPreference = "Stop"
$py = ".venv\Scripts\python.exe"
# The version has one home: pyproject.toml.
$version = & $py -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"
& $py packaging\icons.py --ico build\icons\sjsref.ico
$env:SJSREF_ICON = (Resolve-Path build\icons\sjsref.ico).Path
& $py -m PyInstaller --noconfirm --clean packaging\sjsref.spec
if ($LASTEXITCODE -ne 0) { throw "PyInstaller failed" }
# The frozen app checks itself (content manifest, calculators, window offscreen).
& dist\sjsref\sjsref-cli.exe --self-test
if ($LASTEXITCODE -ne 0) { throw "self-test failed" }
iscc "/DAppVersion=$version" packaging\windows\sjsref.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
